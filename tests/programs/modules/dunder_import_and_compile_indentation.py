m = __import__('math')
print(m.sqrt(16), m is __import__('math'))
c = __import__('collections.abc')
print(c.__name__, c.abc.__name__)
a = __import__('collections.abc', fromlist=['Sized'])
print(a.__name__)
print(__import__('json', globals(), locals(), [], 0).__name__)
for bad in [(1,), ('',), ('nosuchmod',), ('x', None, None, (), 1), ('x', None, None, (), -1)]:
    try:
        __import__(*bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    compile('x = 1\n  y = 1', '<s>', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e, e.lineno)
try:
    compile('if x:\n\ty = 1\n        z = 2', '<s>', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e, e.lineno)
try:
    compile('if x:\ny = 1', '<s>', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e, e.lineno)
print(__import__('x', {'__name__': '__main__'}, None, (), 1))
