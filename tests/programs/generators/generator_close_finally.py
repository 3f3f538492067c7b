def resource():
    print("open")
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

g = resource()
print(next(g))
g.close()
print("closed")
g.close()

def guarded():
    try:
        yield "first"
    except ValueError as exc:
        print("caught inside", exc)
        yield "recovered"

h = guarded()
print(next(h))
print(h.throw(ValueError("boom")))

def gen_return():
    yield 1
    return 99

r = gen_return()
next(r)
try:
    next(r)
except StopIteration as stop:
    print(stop.value, stop.args)
