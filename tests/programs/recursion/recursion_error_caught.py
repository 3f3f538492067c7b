def depth(n):
    return depth(n + 1)

try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)

def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)

print(factorial(200) > 10 ** 300)
try:
    factorial(5000)
except RecursionError as e:
    print("caught again:", type(e).__name__)
print(factorial(10))
