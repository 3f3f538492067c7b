import io, pickle
f = io.BytesIO()
pickle.dump([1, 'x'], f)
pickle.dump({'a': (1, 2)}, f, protocol=0)
pickle.dump(b'z' * 70000, f)
print(f.tell(), len(f.getvalue()))
f.seek(0)
print(pickle.load(f), pickle.load(f), len(pickle.load(f)), f.read())
try:
    pickle.load(f)
except EOFError as e:
    print('EOFError', e)
g = io.BytesIO(b'abc\ndef')
print(g.readline(), g.read(2), g.read(), g.read())
g.seek(10); g.write(b'!'); print(g.getvalue())
