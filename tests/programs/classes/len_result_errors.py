# What a Python __len__ may return: len() and bool() refuse a negative, a too-big
# or a non-int result with CPython's errors.
class C:
    def __len__(s): return 2**100
for f in (len, bool):
    try:
        print(f(C()))
    except Exception as e:
        print(type(e).__name__, e)
class D:
    def __len__(s): return -1
try:
    len(D())
except Exception as e:
    print(type(e).__name__, e)
class F:
    def __len__(s): return 1.5
try:
    len(F())
except Exception as e:
    print(type(e).__name__, e)
