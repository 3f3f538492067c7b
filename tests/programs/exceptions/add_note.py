import sys
e = ValueError('x')
print(e.add_note('first'), e.add_note('second line\nmore'))
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as t:
    print(t)
e.__notes__ = 'bad'
try:
    e.add_note('z')
except TypeError as t:
    print(t)
import traceback
try:
    raise KeyError('k')
except KeyError as k:
    k.add_note('hint')
    print(traceback.format_exception_only(type(k), k))


def parse(s):
    try:
        return int(s)
    except ValueError as err:
        err.add_note(f'while parsing {s!r}')
        err.add_note('check the input file')
        raise


parse('x1')
