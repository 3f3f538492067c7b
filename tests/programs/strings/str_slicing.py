s = "refscope"
print(s[0], s[-1], s[3], s[-3])
print(s[:3], s[3:], s[2:5], s[-5:-2])
print(s[::2], s[1::2], s[::-1], s[::-3])
print(s[5:2], repr(s[10:]), s[-100:2])
print(len(s), s[len(s) - 1])
print("x" * 3, "ab" + "cd", 3 * "-")
print("scope" in s, "z" not in s)
print(s < "refscopes", "Z" < "a", "apple" < "banana")
try:
    s[20]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "R"
except TypeError as e:
    print("TypeError:", e)
