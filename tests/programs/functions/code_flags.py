# co_flags carries CPython's bits: optimized, new locals, *args, **kwargs, nested, generator.
def f(a, *b, **c):
    def g():
        return a
    class K:
        def m(self):
            pass
    return g, K
def gen():
    yield 1
g, K = f(1)
print(f.__code__.co_flags, g.__code__.co_flags, K.m.__code__.co_flags, gen.__code__.co_flags, (lambda: 0).__code__.co_flags)
print((x for x in []).gi_frame.f_code.co_flags, compile("x = 1", "s", "exec").co_flags)
def outer():
    return [lambda: 0 for _ in range(1)][0], (y for y in [])
l, ge = outer()
print(l.__code__.co_flags, ge.gi_frame.f_code.co_flags)
