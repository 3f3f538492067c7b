words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
people = [("Ann", 31), ("Bob", 25), ("Cid", 31), ("Dee", 25)]
people.sort(key=lambda p: p[1])
print(people)
people.sort(key=lambda p: (-p[1], p[0]))
print(people)
nums = [5, -2, 9, -7, 0]
nums.sort(reverse=True)
print(nums)
nums.sort(key=abs)
print(nums)
result = nums.sort()
print(result)
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
