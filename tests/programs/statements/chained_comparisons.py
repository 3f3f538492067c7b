def noisy(v):
    print("eval", v)
    return v

x = 5
print(1 < x < 10, 1 < x > 10, 1 < x <= 5 != 6)
print(1 == 1.0 == True, "a" < "b" < "c")
print(noisy(1) < noisy(0) < noisy(3))
print(noisy(1) < noisy(2) < noisy(3))
a = [1, 2]
b = a
print(a is b is not None, 2 in a in [a])
print(0 < x and x < 10, 3 > 2 > 1, 3 > 2 == 2)
