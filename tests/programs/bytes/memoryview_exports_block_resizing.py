"""While a memoryview looks at a bytearray or an array, neither can change size
(BufferError); releasing the view, or its end, lets them."""
import sys, gc, array
buf = bytearray(b'0123456789')
view = memoryview(buf)
rev = view[::-1]
rev[0:2] = b'!!'
# exports block resizing, release unblocks
for op in ('append', 'extend', 'pop', 'clear', 'insert', 'remove', 'iadd', 'del', 'slice'):
    try:
        if op == 'append': buf.append(1)
        elif op == 'extend': buf.extend(b'xy')
        elif op == 'pop': buf.pop()
        elif op == 'clear': buf.clear()
        elif op == 'insert': buf.insert(0, 65)
        elif op == 'remove': buf.remove(ord('!'))
        elif op == 'iadd': buf += b'q'
        elif op == 'del': del buf[0]
        elif op == 'slice': buf[0:2] = b'xyz'
        print(op, 'ok')
    except BufferError as e:
        print(op, type(e).__name__, e)
buf[0:2] = b'AB'
buf.reverse()
print(buf)
view.release(); rev.release()
print(repr(view).startswith("<released memory"), repr(rev)[:9])
buf.append(33)
print(buf)
# context manager
with memoryview(bytearray(b'abc')) as v2:
    v2[0] = 120
    print(v2.tobytes(), bytes(v2), bytearray(v2), list(v2))
print(repr(v2)[:16])
for attempt in ('len', 'getitem', 'tobytes', 'obj', 'nbytes', 'eq'):
    try:
        if attempt == 'len': len(v2)
        elif attempt == 'getitem': v2[0]
        elif attempt == 'tobytes': v2.tobytes()
        elif attempt == 'obj': v2.obj
        elif attempt == 'nbytes': v2.nbytes
        elif attempt == 'eq': print('eq', v2 == v2, v2 == b'xbc')
        print(attempt, 'ok')
    except ValueError as e:
        print(attempt, e)
import struct
class Holder:
    pass
h = Holder()
h.self = h
h.data = bytearray(b'abc')
h.view = memoryview(h.data)
h.part = h.view[1:]
del h
print(gc.collect())
class Owner:
    def __init__(self):
        self.buf = bytearray(8)
        self.view = memoryview(self.buf)
        self.me = self
o = Owner()
buf = o.buf
del o
try:
    buf.append(1)
except BufferError as e:
    print('still exported:', e)
print(gc.collect())
buf.append(1)
print(len(buf))
ba = bytearray(8)
struct.pack_into('<hh', memoryview(ba), 2, 1, -1)
print(ba)
mv = memoryview(ba)
struct.pack_into('<I', mv, 4, 0xdeadbeef)
print(ba.hex(), struct.unpack_from('<I', mv, 4))
print(gc.is_tracked(mv), gc.get_referents(gc.get_referents(mv)[0])[0] is ba)
