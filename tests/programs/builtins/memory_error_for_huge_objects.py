# Objects no memory holds (a terabyte of bytes, padding or a list of a huge range):
# python3 raises MemoryError where its allocation fails, and so does refscope, before
# it asks for the memory.
tests = [
    'bytes(10**12)', 'bytearray(10**12)', 'b"ab" * 10**12', '"x".ljust(10**12)', '"x".rjust(10**12)',
    '"x".center(10**12)', '"x".zfill(10**12)', 'f"{1:>{10**12}}"', '"%1000000000000d" % 1',
    '"\\t".expandtabs(10**12)', '[0] * 10**12', '"ab" * 10**12', 'list(range(10**12))', '"{:>1000000000000}".format(1)',
]
for t in tests:
    try:
        eval(t)
        print(t, "ok")
    except MemoryError:
        print(t, "MemoryError")
    except Exception as e:
        print(t, type(e).__name__, e)
