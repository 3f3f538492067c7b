# A generator resumed right at the recursion limit: the RecursionError ends it, as
# CPython's gen_send_ex2 clears the frame of a generator whose run failed, started or not.
def gen():
    x = yield 1
    print("got", x)
    yield 2

def deep(how, arg):
    try:
        return deep(how, arg)
    except RecursionError:
        try:
            return how(arg)
        except RecursionError as e:
            return e

def show(g, how, arg):
    r = deep(how, arg)
    print(type(r).__name__)
    for step in (next, lambda g: g.send("after")):
        try:
            print(step(g))
        except StopIteration:
            print("StopIteration")

g = gen()
show(g, next, g)
h = gen()
print(next(h))
show(h, next, h)
