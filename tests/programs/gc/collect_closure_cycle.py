import gc

def make():
    def recurse(n):
        return n if n == 0 else recurse(n - 1)
    return recurse

gc.collect()
f = make()
print(f(3))
del f
print(gc.collect())
