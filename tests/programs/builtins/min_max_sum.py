nums = [4, -9, 7, 0]
print(min(nums), max(nums), min(3, 1, 2), max("apple", "pear", "fig"))
print(max(nums, key=abs), min(["bb", "a", "ccc"], key=len))
print(max([], default="empty"), min([], default=None), max([5], default=0))
print(max([1, 3, 3], key=lambda x: 0))
print(sum(nums), sum([], 10), sum([[1], [2, 3]], []), sum([0.1] * 10))
print(sum(range(1, 11)), sum(x * x for x in range(4)), sum([1.5, 2.5], start=1))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min(1)
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
