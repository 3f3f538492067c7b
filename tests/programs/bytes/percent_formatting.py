for f, a in [(b'%s', 'x'), (b'%c', 300), (b'%c', 'x'), (b'%c', b'ab'), (b'%d', b'x'), (b'%s %s', (b'a',)),
             (b'%s', (b'a', b'b')), (b'%y', 1), (b'%(k)s', {'k': b'v'}), (b'%s', [1]), (b'%d', bytearray(b'x')),
             (b'%c', -1), (b'%x', 2.5), (b'%', ()), (b'%(k', {b'k': 1})]:
    try:
        print(f % a)
    except Exception as e:
        print(type(e).__name__, e)
print(b'%5.2b|%-4c|%r|%a|%x|%5.1f|%%|%c' % (b'abc', 65, 'é', b'\xff', 255, 2.25, b'z'))
print(b'%(k)s and %(n)05d' % {b'k': bytearray(b'v'), b'n': 42}, bytearray(b'%s') % b'z')
class B:
    def __bytes__(self):
        return b'BB'
class Bad:
    def __bytes__(self):
        return 'str'
print(b'%s %b %r' % (B(), B(), [1, 'é']))
try:
    b'%s' % Bad()
except TypeError as e:
    print(e)
print(b'caf\xe9 %s!' % b'\xe9\x00', b'%-6s|%6s' % (b'ab', bytearray(b'cd')), b'%r' % bytearray(b'q'))
print('%s %r' % (b'x', bytearray(b'y')))
r = bytearray(b'%d') % 7
print(type(r).__name__, r, b'%i %u %o %X %e %g %G' % (1, 2, 8, 255, 1.5, 1e20, 1e-7))
