def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total

acc = accumulator()
print(next(acc))
print(acc.send(5))
print(acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print("finished with", e.value)

def echo():
    received = yield "ready"
    while True:
        received = yield f"echo {received}"

e = echo()
print(e.send(None))
print(e.send("a"))
print(e.send("b"))
fresh = echo()
try:
    fresh.send("too early")
except TypeError as err:
    print("TypeError:", err)
