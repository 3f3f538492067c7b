"""memoryview over arrays, casts between formats, comparisons, hashing, and the
errors of each."""
import sys, gc, array
# arrays
a = array.array('h', [1, -2, 300])
ma = memoryview(a)
print(ma.format, ma.itemsize, ma.nbytes, ma.tolist(), ma[2], ma.shape, ma.strides)
ma[1] = -32768
print(a)
try:
    ma[0] = 40000
except ValueError as e:
    print(e)
try:
    ma[0] = 1.5
except TypeError as e:
    print(e)
b = ma.cast('B')
print(b.tolist(), b.format, len(b))
b[0] = 255
print(a, bytes(a), ma.tobytes())
try:
    a.append(1)
except BufferError as e:
    print(e)
del ma, b
a.append(7)
print(a)
fa = array.array('d', [1.5, 2.5])
mf = memoryview(fa)
print(mf.tolist(), mf[0], mf == array.array('d', [1.5, 2.5]), mf == [1.5, 2.5])
mf[1] = 3
print(fa)
# casts
raw = memoryview(bytearray(16))
ints = raw.cast('i')
ints[0] = -1
ints[3] = 2**31 - 1
print(ints.tolist(), raw.tolist()[:4], raw.tolist()[12:])
print(raw.cast('q').tolist(), raw.cast('Q')[0], raw.cast('d').itemsize, raw.cast('?').tolist()[:2])
for bad in ('x', 'ii', 'i', ):
    try:
        print(ints.cast(bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    memoryview(b'abc').cast('i')
except TypeError as e:
    print(e)
try:
    memoryview(b'abcd')[::2].cast('B')
except TypeError as e:
    print(e)
cv = memoryview(b'xy').cast('c')
print(cv[0], cv.tolist(), cv.format)
# comparisons and hashing
print(memoryview(b'abc') == b'abc', memoryview(b'abc') != bytearray(b'abd'), b'abc' == memoryview(b'abc'))
print(memoryview(b'abc') == 'abc', memoryview(b'\x01\x00\x00\x00').cast('i') == array.array('i', [1]))
print(hash(memoryview(b'abc')) == hash(b'abc'), {memoryview(b'k'): 1}[b'k'] if False else 'dict')
try:
    hash(memoryview(b'abcd').cast('i'))
except ValueError as e:
    print(e)
try:
    memoryview(b'a') < memoryview(b'b')
except TypeError as e:
    print(e)
try:
    del memoryview(bytearray(1))[0]
except TypeError as e:
    print(e)
try:
    memoryview(b'abc')['x']
except TypeError as e:
    print(e)
try:
    memoryview(b'abc')[1.0]
except TypeError as e:
    print(e)
try:
    memoryview()
except TypeError as e:
    print(e)
try:
    memoryview(b'a', b'b')
except TypeError as e:
    print(e)
print(memoryview(object=b'kw').tobytes())
try:
    memoryview(5)
except TypeError as e:
    print(e)
try:
    memoryview([1, 2])
except TypeError as e:
    print(e)
mm = memoryview(bytearray(b'abcd'))
try:
    mm[0:2] = b'abc'
except ValueError as e:
    print(e)
try:
    mm[0:2] = 'ab'
except TypeError as e:
    print(e)
try:
    mm[0] = b'a'
except TypeError as e:
    print(e)
print(memoryview(b'abc').hex(), memoryview(b'abc').hex(':'), memoryview(b'').tolist(), bool(memoryview(b'')))
ro = memoryview(bytearray(b'ab')).toreadonly()
try:
    ro[0] = 1
except TypeError as e:
    print(e)
print(ro.readonly, ro.obj, type(iter(memoryview(b''))).__name__ == 'memory_iterator' or 'iterator')
print(b''.join([memoryview(b'ab'), memoryview(b'cd')]), b'x' + memoryview(b'y'), bytearray(b'1') + memoryview(b'2'))
print(memoryview(b'hello').tobytes().decode(), str(memoryview(b'hi'), 'ascii'))
import struct
print(struct.unpack('<I', memoryview(b'\x01\x02\x03\x04')))
