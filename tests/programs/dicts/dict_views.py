d = {"a": 1, "b": 2, "c": 3}
keys, values, items = d.keys(), d.values(), d.items()
print(keys, values, items)
d["d"] = 4
print(list(keys), list(values), len(items))
print("a" in keys, 4 in values, ("b", 2) in items)
for k, v in d.items():
    print(k, v)
print(sorted(keys & {"a", "z"}), sorted(keys - {"a"}))
print(list(reversed(d)))
try:
    for k in d:
        d[k + k] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
