def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found at", i)
            break
    else:
        print("not found")

find([3, 5, 7], 5)
find([3, 5, 7], 4)
find([], 1)

n = 0
while n < 3:
    n += 1
else:
    print("while finished normally, n =", n)

n = 0
while True:
    n += 1
    if n % 2:
        continue
    if n > 6:
        break
    print("even", n)

for i in range(3):
    for j in range(3):
        if j > i:
            break
        print((i, j), end=" ")
print()
primes = [p for p in range(2, 30) if all(p % d for d in range(2, p))]
print(primes)
