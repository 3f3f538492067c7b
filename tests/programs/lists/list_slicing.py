nums = list(range(10))
print(nums[2:5], nums[:3], nums[7:], nums[-3:], nums[::3], nums[::-1], nums[8:2:-2])
print(nums[5:1], nums[100:], nums[-100:1])
part = nums[1:4]
part[0] = 99
print(part, nums[1])
nums[1:3] = ["a", "b", "c", "d"]
print(nums)
nums[::2] = [0] * 6
print(nums)
nums[:] = [1, 2]
print(nums)
nums[len(nums):] = [3]
print(nums)
try:
    nums[::2] = [9, 9, 9]
except ValueError as e:
    print("ValueError:", e)
try:
    nums[10]
except IndexError as e:
    print("IndexError:", e)
