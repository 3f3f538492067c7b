import pickle, pickletools, io
class P:
    def __init__(self): self.a = [1, 'x']
a = []; a.append(a)
for o in [[1, 'hi', (1, 2), {'k': b'v'}, {1, 2}, frozenset([3]), P(), 2**70, 1.5, None, True, bytearray(b'q')], a, (a, a), P]:
    for p in range(6):
        pickletools.dis(pickle.dumps(o, p))
f = io.StringIO()
pickletools.dis(pickle.dumps([1, 2], 0), out=f, indentlevel=2)
print(f.getvalue())
for bad in [b'(K\x01', b']\x94\x94.', b'zz', b'K\x01t.', b'h\x00.']:
    try:
        pickletools.dis(bad)
    except ValueError as e:
        print('ValueError', e)
print([(op.name, arg, pos) for op, arg, pos in pickletools.genops(pickle.dumps((1, 'a'), 2))])
