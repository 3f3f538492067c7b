"""The traceback module: print_exc and format_exc while handling an exception, the
chain of causes, format_exception_only, extract_tb and walk_tb, print_stack, and
clear_frames letting go of what the frames held. (Each failing line is a statement of
its own, where python3 draws no ^^^^ markers.)"""
import sys
import traceback
import weakref

# python3 names the file by its absolute path, refscope by the path it was given: the
# lines printed here leave the folder out.
HERE = __file__[:-len('traceback_module.py')]


class Out:
    def write(self, text):
        sys.stdout.write(text.replace(HERE, ''))


out = Out()


class Payload:
    pass


def parse(text):
    int(text)


def load(text):
    payload = Payload()
    refs.append(weakref.ref(payload))
    parse(text)


refs = []
try:
    load('x')
except ValueError:
    traceback.print_exc(file=out)
    text = traceback.format_exc()
print(text.splitlines()[0], text.count('File'), repr(text.splitlines()[-1]))
print(repr(traceback.format_exc()))


def wrap():
    try:
        load('y')
    except ValueError as e:
        raise RuntimeError('could not load') from e


try:
    wrap()
except RuntimeError as e:
    err = e
for line in traceback.format_exception(err):
    out.write(line)
print(traceback.format_exception_only(err))
print(traceback.format_exception_only(KeyError('k')))
summary = traceback.extract_tb(err.__traceback__)
print([(f.name, f.lineno, f.line) for f in summary])
print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(err.__cause__.__traceback__)])
print(len(traceback.format_tb(err.__cause__.__traceback__)))

print('payload alive:', refs[-1]() is not None)
traceback.clear_frames(err.__cause__.__traceback__)
print('after clear_frames:', refs[-1]() is not None)


def deep(n):
    if n == 0:
        traceback.print_stack(limit=3, file=out)
        return [f.name for f in traceback.extract_stack(limit=4)]
    return deep(n - 1)


print(deep(2))


def recurse(n):
    if n == 10:
        raise ValueError(n)
    recurse(n + 1)


try:
    recurse(0)
except ValueError:
    lines = traceback.format_exc().splitlines()
print(lines[-2:], len(lines))
try:
    raise KeyError('missing')
except KeyError:
    traceback.print_exc(limit=1, file=out)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        undefined_name
except NameError:
    out.write(traceback.format_exc(chain=False))
    print(traceback.format_exc().count('Traceback'))
