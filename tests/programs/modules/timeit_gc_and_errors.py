import timeit
import gc
import sys
import io

states = []
def probe():
    states.append(gc.isenabled())

print(gc.isenabled())
timeit.timeit(probe, number=3)
print(states, gc.isenabled())

# a string statement sees gc disabled too
states.clear()
timeit.timeit('probe()', number=2, globals={'probe': probe})
print(states, gc.isenabled())

# gc stays disabled afterwards when it was disabled before
gc.disable()
states.clear()
timeit.timeit(probe, number=1)
print(states, gc.isenabled())
gc.enable()

# re-enabled even when the statement raises
def boom():
    raise KeyError('boom')
try:
    timeit.timeit(boom, number=5)
except KeyError as e:
    print('KeyError', e, gc.isenabled())

# errors
for stmt in [None, 42, 3.5]:
    try:
        timeit.timeit(stmt)
    except ValueError as e:
        print('ValueError:', e)
try:
    timeit.Timer('pass', setup=17)
except ValueError as e:
    print('ValueError:', e)

for bad in ['x = (', 'return 5', 'def', '1 +', 'for x in', 'a b']:
    try:
        timeit.timeit(bad, number=1)
    except SyntaxError as e:
        print('SyntaxError:', e.msg, e.filename, e.lineno)

try:
    timeit.timeit('pass', setup='x = [', number=1)
except SyntaxError as e:
    print('SyntaxError:', e.msg, e.filename, e.lineno)

# a statement that compiles alone but not after the setup
try:
    timeit.timeit('else: pass', setup='if True: x = 1', number=1)
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno)

# a name error inside the timed code
try:
    timeit.timeit('undefined_name', number=1)
except NameError as e:
    print('NameError:', e)

# print_exc to a StringIO: the last line of the traceback
t = timeit.Timer('1 / 0')
try:
    t.timeit(1)
except ZeroDivisionError:
    buf = io.StringIO()
    t.print_exc(file=buf)
    lines = buf.getvalue().splitlines()
    print(lines[0])
    print(lines[-1])
    text = buf.getvalue()
    # The template's own line, from linecache (the frames above it differ in number of
    # lines between python3 and refscope, so only their presence is checked)
    print('File "<timeit-src>", line 6, in inner' in text, '\n    1 / 0\n' in text)

print(t.src)
print(timeit.Timer(lambda: None).src)
print(timeit.reindent('a\nb', 4))
