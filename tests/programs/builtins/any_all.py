print(any([]), all([]))
print(any([0, "", None]), any([0, 1]), all([1, "x", [0]]), all([1, 0]))
nums = [3, 8, 12, 7]
print(any(n > 10 for n in nums), all(n > 2 for n in nums))
checked = []
def check(n):
    checked.append(n)
    return n > 5
print(any(check(n) for n in nums), checked)
checked.clear()
print(all(check(n) for n in nums), checked)
print(any("abc"), all(""), all([[], [1]]))
