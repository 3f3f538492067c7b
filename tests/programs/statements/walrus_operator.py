data = [4, 8, 15, 16, 23, 42]
if (n := len(data)) > 5:
    print(f"list is long ({n} items)")
values = iter(data)
while (v := next(values, None)) is not None:
    if v > 15:
        print("first above 15:", v)
        break
squares = [y for x in data if (y := x * x) > 200]
print(squares, y)
print((total := sum(data)), total)
def f():
    [last := c for c in "abc"]
    return last
print(f())
