"""memoryview: a view of another object's bytes without a copy; slices of a view
share its managed buffer, which holds the object once."""
import sys, gc, array
# slicing a bytes copies; a memoryview does not
data = bytes(range(256)) * 4
print(sys.getsizeof(data), sys.getsizeof(data[:512]), sys.getsizeof(memoryview(data)[:512]))
m = memoryview(data)
part = m[100:110]
print(part.tolist(), part.obj is data, len(part), part.nbytes)
print(m[-1], m[-1024], m[5:2].tolist(), m[::256].tolist(), m[::-300].tolist())
# writable views change the bytearray
buf = bytearray(b'0123456789')
view = memoryview(buf)
view[2:5] = b'abc'
view[-1] = ord('Z')
print(buf, view[::3].tobytes())
rev = view[::-1]
rev[0:2] = b'!!'
print(buf, rev.strides, rev.contiguous, view.contiguous)
b = bytes(range(10))
print(sys.getrefcount(b))
m = memoryview(b)
print(sys.getrefcount(b))
s = m[2:]
print(sys.getrefcount(b))
t = memoryview(m)
print(sys.getrefcount(b))
print(sys.getrefcount(m), [type(r).__name__ for r in gc.get_referents(m)], gc.get_referents(s)[0] is gc.get_referents(m)[0])
mb = gc.get_referents(m)[0]
print(sys.getsizeof(mb), gc.is_tracked(mb), gc.get_referents(mb) == [b] , sys.getrefcount(mb))
del m, s, t, mb
print(sys.getrefcount(b))
ba = bytearray(b'abc')
print(sys.getsizeof(ba))
m = memoryview(ba)
print([type(x).__name__ for x in gc.get_referrers(ba)].count('managedbuffer'))
