print(len("hello"), len(""), len("€😀"), len(b"\x00\x01"))
print(len([1, [2, 3]]), len(()), len({"a": 1, "b": 2}), len({1, 1, 2}))
print(len(range(0, 100, 7)), len(range(10, 0)), len(frozenset("abc")))
class Sized:
    def __len__(self):
        return 3
print(len(Sized()))
class Negative:
    def __len__(self):
        return -1
try:
    len(Negative())
except ValueError as e:
    print("ValueError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    len(x for x in "ab")
except TypeError as e:
    print("TypeError:", e)
