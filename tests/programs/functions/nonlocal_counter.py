def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    def peek():
        return count
    return increment, peek

inc, peek = make_counter()
inc()
inc()
print(inc(), peek())
inc2, peek2 = make_counter()
print(inc2(), peek())

def broken():
    count = 0
    def increment():
        count += 1
    increment()

try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
