print(int("7"), int(7.9), float("2.5"), float(3), float("-inf"))
print(str(42), str(2.0), str([1, "a"]), str(None), str(b"x"))
print(repr("a'b"), repr(1.0), repr([1.5]), repr(None))
print(bool(), bool("False"), bool(0j), int(), float(), str() == "")
print(list("abc"), list(range(3)), list({"k": 1}), list((1, 2)))
print(tuple([1, 2]), tuple("xy"), tuple())
print(dict([("a", 1)]), dict(a=1, b=2), dict({"x": 0}, y=1), dict())
print(set("aab") == {"a", "b"}, sorted(set([3, 1, 3])), set())
print(frozenset(range(3)), frozenset())
print(list(map(type, [1, 1.0, "1", b"1", [1], (1,), {1}, {1: 1}, None])))
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
