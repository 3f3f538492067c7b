# str and bytes search methods take start and end as slices do: None, an int of any
# size (clamped), or an object with __index__; anything else is a TypeError.
s = "abcabc"
print(s.find("b", 10**30), s.find("b", -10**30), s.rfind("c", -10**30, 10**30))
print(s.count("a", None, 10**20), s.index("c", -(2**64)))
print(s.startswith("abc", -10**25), s.endswith("abc", 0, 2**80))
b = b"abcabc"
print(b.find(b"b", 10**30), b.count(b"a", -10**30), b.rfind(b"a", None, 2**70))


class Two:
    def __index__(self):
        return 2


print(s.find("c", Two()), b.find(b"c", Two()))
print(s.find("a", True))
for bad in ["1", 1.0]:
    try:
        s.find("a", bad)
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        b.count(b"a", 0, bad)
    except TypeError as e:
        print(type(e).__name__, e)

# list.index and tuple.index clamp too, but take no None.
print([1, 2].index(2, -10**30, 10**30), (1, 2).index(2, -(2**64)), [3, 4, 5].index(5, Two()))
try:
    [1].index(1, None)
except TypeError as e:
    print(type(e).__name__, e)
