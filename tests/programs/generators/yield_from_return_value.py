def inner():
    yield 1
    yield 2
    return "inner result"

def outer():
    result = yield from inner()
    print("inner returned", result)
    yield from [10, 20]
    yield from range(3)
    return "outer result"

print(list(outer()))
g = outer()
while True:
    try:
        print("got", next(g))
    except StopIteration as stop:
        print("StopIteration value:", stop.value)
        break

def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item

print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
