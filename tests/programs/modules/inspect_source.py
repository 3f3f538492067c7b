# inspect: source code, docstrings, comments, predicates, members, frames, generators.
import abc
import dataclasses
import functools
import inspect
import sys


def base(path):
    return path.rsplit('/', 1)[-1]


def plain(a, b):
    """Adds two numbers.

    Returns their sum.
    """
    return a + b   # the sum


def one_liner(x): return x * 2
# a comment after a one-liner


# Leading comment
#   for decorated.
@functools.lru_cache(maxsize=None)
def decorated(n):
    if n < 2:
        return n
    text = """a string
that dedents
    oddly"""
    return (n +
        1)
    # trailing comment inside the body

    # another, after a blank line
# not part of it


square = lambda v: v * v  # noqa


# Shapes:
#
#   base class
#
class Shape:
    """A shape.

        Indented line.
    """
    sides = 0

    def area(self):
        "Area of the shape."
        return 0

    # inner
    class Inner:
        def deep(self):
            return 1

    @property
    def kind(self):
        return 'shape'

    @staticmethod
    def helper():
        pass

    @classmethod
    def build(cls):
        return cls()


class Square(Shape):
    sides = 4

    def area(self):
        return 1


def outer():
    class Local:
        pass
    return Local


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self):
        pass


class Slotted:
    __slots__ = ('a',)


for obj in [plain, one_liner, decorated, square, Shape, Shape.area, Shape.Inner,
            Shape.Inner.deep, Square().area, outer(), outer]:
    lines, start = inspect.getsourcelines(obj)
    print('---', getattr(obj, '__qualname__', obj), start, len(lines))
    print(inspect.getsource(obj), end='')
print('---')

for obj in [plain, Shape, Shape.area, Square.area, Square().area, Square, one_liner]:
    print(repr(inspect.getdoc(obj)))
print(repr(inspect.cleandoc('\n   first\n     second\n   third\n\n')))
print(repr(inspect.cleandoc('  Title\n\tTabbed\n')))
print(repr(inspect.getcomments(decorated)), repr(inspect.getcomments(decorated.__wrapped__)))
print(repr(inspect.getcomments(plain)), repr(inspect.getcomments(Shape.Inner)), repr(inspect.getcomments(Shape.area)))
print(base(inspect.getfile(plain)), base(inspect.getfile(Shape)), base(inspect.getfile(plain.__code__)))
print(inspect.getmodule(plain).__name__, inspect.getmodule(Shape).__name__)
print(inspect.getmodule(inspect) is inspect, inspect.indentsize('   \tx'))
try:
    inspect.getfile(5)
except TypeError as ex:
    print('TypeError:', ex)

def gen():
    yield 1
    yield 2

g = gen()
samples = [('plain', plain), ('lambda', square), ('class', Shape), ('instance', Shape()),
           ('bound', Shape().area), ('classmethod', Shape.build), ('len', len),
           ('list.append', list.append), ('[].append', [].append), ('module', inspect),
           ('genfunc', gen), ('gen', g), ('code', plain.__code__),
           ('frame', sys._getframe()), ('property', Shape.__dict__['kind']),
           ('staticmethod', Shape.__dict__['helper']), ('slot', Slotted.__dict__['a']),
           ('int', 5)]
preds = ['isfunction', 'ismethod', 'isclass', 'ismodule', 'isbuiltin', 'isroutine',
         'isgenerator', 'isgeneratorfunction', 'iscode', 'isframe', 'istraceback',
         'isabstract', 'isdatadescriptor', 'ismethoddescriptor', 'iscoroutinefunction',
         'isawaitable']
for label, obj in samples:
    hits = [p[2:] for p in preds if getattr(inspect, p)(obj)]
    print(label, hits)
print(inspect.isabstract(Base), inspect.isabstract(Shape))
try:
    raise ValueError('x')
except ValueError as ex:
    print(inspect.istraceback(ex.__traceback__))

print([name for name, value in inspect.getmembers(Shape, inspect.isfunction)])
print([name for name, value in inspect.getmembers(Square, inspect.isfunction)])
print(dict(inspect.getmembers(Square)).get('sides'))
print([(n, type(v).__name__) for n, v in inspect.getmembers(Shape, inspect.isdatadescriptor)
       if not n.startswith('__')])
own = set(dict(inspect.getmembers(Shape()))) - set(dir(object()))
print([n for n in sorted(own) if not n.startswith('__')])
print(inspect.getmro(Square))
print(type(inspect.getattr_static(Shape(), 'kind')).__name__, inspect.getattr_static(Shape, 'sides'))
print(type(inspect.getattr_static(Square, 'helper')).__name__)
print(inspect.getattr_static(Shape(), 'missing', 'default'))
try:
    inspect.getattr_static(Shape(), 'missing')
except AttributeError as ex:
    print('AttributeError:', ex)


def where(depth=0):
    frame = inspect.currentframe()
    info = inspect.getframeinfo(frame)
    print(base(info.filename), info.lineno, info.function, info.code_context, info.index)
    print(frame.f_code.co_name, frame.f_back.f_code.co_name)
    for record in inspect.stack()[:3]:
        print(record.function, record.lineno, base(record.filename), record.code_context, record.index)
    print(record[2:4], len(record))
    context = inspect.getframeinfo(frame, context=3)
    print(context.code_context, context.index)


def caller():
    where()


caller()
try:
    plain(1, None)
except TypeError:
    tb = sys.exc_info()[2]
    print([(r.function, r.lineno) for r in inspect.getinnerframes(tb)])
    print(inspect.getframeinfo(tb)[1:3])

def counting():
    print(inspect.getgeneratorstate(counter))
    yield 1
    yield 2

counter = counting()
print(inspect.getgeneratorstate(counter))
next(counter)
print(inspect.getgeneratorstate(counter))
list(counter)
print(inspect.getgeneratorstate(counter))
other = counting()
next(other)
other.close()
print(inspect.getgeneratorstate(other))


# Decorated classes, nested classes, continuation lines
def register(cls):
    return cls

@register
class Decorated:
    x = 1

@dataclasses.dataclass
class DC:
    a: int
    b: str = 'z'

class Outer:
    @register
    class Mid:
        def f(self): return [
            1,
        ]
    def g(self): \
        return 2
    h = lambda self: 3
    def k(self):
        def inner():
            pass
        return inner
    # end of Outer

def after(): pass

print(inspect.getsource(Decorated), end='')
print(inspect.getsource(DC), end='')
print(inspect.signature(DC))
print(inspect.getsource(Outer.Mid), end='')
print(inspect.getsource(Outer.Mid.f), end='')
print(inspect.getsource(Outer.g), end='')
print(inspect.getsource(Outer.h), end='')
print(inspect.getsource(Outer().k()), end='')
print(inspect.getsource(Outer), end='')
print(inspect.getsourcelines(after))
def gen():
    yield inspect.currentframe()
running = gen()
fr = next(running)
print(inspect.getframeinfo(fr)[1:], inspect.getsource(fr), end='')
print(inspect.getsource(sys._getframe()).count('\n'))

# Functions of builtin modules are builtins too; len's module is builtins.
import math
print(inspect.isbuiltin(math.sqrt), inspect.isroutine(math.sqrt), inspect.isbuiltin(str.upper))
print(inspect.getmodule(len).__name__, inspect.getmodule(math.sqrt).__name__)
