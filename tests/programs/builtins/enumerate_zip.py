names = ["ann", "bob", "cid"]
ages = [31, 25]
for i, name in enumerate(names):
    print(i, name)
print(list(enumerate(names, start=1)))
print(list(zip(names, ages)))
print(list(zip(names, ages, "xyz")))
print(dict(zip(names, range(3))))
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, letters = zip(*pairs)
print(nums, letters)
print(list(zip()), list(zip([1, 2, 3])))
try:
    list(zip(names, ages, strict=True))
except ValueError as e:
    print("ValueError:", e)
e = enumerate("ab")
print(next(e), next(e), next(e, "end"))
