d = {}
d["zebra"] = 1
d["apple"] = 2
d["mango"] = 3
print(d)
d["zebra"] = 10
print(list(d))
del d["apple"]
d["apple"] = 4
print(d)
print({3: "c", 1: "a", 2: "b"})
print(dict(b=1, a=2), dict([("y", 1), ("x", 2)]))
print({1: "a", 1.0: "b", True: "c"})
merged = {"a": 1, "b": 2} | {"b": 3, "c": 4}
print(merged)
