# inspect.signature: parameters, kinds, str/repr, bind and bind_partial.
import functools
import inspect
from inspect import Parameter, Signature


def f(a, b=2, *c, d, **e) -> int:
    return a


def g(x, y, /, z=3, *, w, v=5):
    pass


def annotated(a: int, b: str = 'hi', *args: float, flag: bool = False, **kw: list) -> None:
    pass


def h(p: 'Fwd' = None, q: list[int] = [], r: dict = {}):
    pass


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def move(self, dx, dy=0, *, scale=1):
        pass

    @classmethod
    def make(cls, n):
        pass

    @staticmethod
    def util(a, b):
        pass

    def __call__(self, k):
        pass


class Empty:
    pass


class Meta(type):
    def __call__(cls, alpha, beta=1):
        return super().__call__()


class WithMeta(metaclass=Meta):
    pass


class WithNew:
    def __new__(cls, n, m=2):
        return super().__new__(cls)


for obj in [f, g, annotated, h, lambda: 0, lambda x, *y, **z: 0, Point, Point.move,
            Point(1).move, Point.make, Point.util, Point(1), Empty, WithMeta, WithNew]:
    sig = inspect.signature(obj)
    print(getattr(obj, '__name__', type(obj).__name__), sig)

sig = inspect.signature(f)
print(repr(sig))
print(sig.parameters)
print(list(sig.parameters))
for name, param in sig.parameters.items():
    print(name, repr(param), param.kind, repr(param.kind), param.kind.description,
          param.default is Parameter.empty, param.annotation is param.empty)
print(sig.return_annotation, Signature.empty, Parameter.empty)
print(sig.parameters['b'].default, int(sig.parameters['e'].kind))
print(Parameter.KEYWORD_ONLY, Parameter.VAR_KEYWORD < Parameter.KEYWORD_ONLY)
print(inspect.signature(annotated).parameters['b'])
print(inspect.signature(annotated).parameters['args'].annotation)

# bind
ba = sig.bind(1, 2, 3, 4, d=5, x=6)
print(ba)
print(ba.arguments, ba.args, ba.kwargs)
ba = sig.bind(10, d=0)
print(ba, ba.args, ba.kwargs)
ba.apply_defaults()
print(ba)
print(ba.args, ba.kwargs)
ba = inspect.signature(g).bind(1, 2, w=9)
print(ba, ba.args, ba.kwargs)
print(inspect.signature(g).bind_partial(1))
print(inspect.signature(g).bind_partial(z=7))
print(inspect.signature(g).bind_partial())

tests = [
    (f, (), {}),
    (f, (1,), {}),
    (f, (1,), {'a': 2, 'd': 1}),
    (g, (1, 2, 3, 4), {'w': 1}),
    (g, (1,), {'y': 2, 'w': 1}),
    (g, (1, 2), {'w': 1, 'q': 3}),
    (g, (1, 2), {}),
    (Point.move, (1,), {}),
    (Point(0).move, (), {}),
]
for func, args, kwargs in tests:
    try:
        print(inspect.signature(func).bind(*args, **kwargs))
    except TypeError as ex:
        print('TypeError:', ex)
try:
    inspect.signature(g).bind_partial(1, 2, 3, 4)
except TypeError as ex:
    print('TypeError:', ex)

# Building signatures by hand
params = [Parameter('a', Parameter.POSITIONAL_ONLY),
          Parameter('b', Parameter.POSITIONAL_OR_KEYWORD, default=None),
          Parameter('c', Parameter.KEYWORD_ONLY, annotation=int)]
custom = Signature(params, return_annotation=str)
print(custom, repr(custom))
print(custom.replace(return_annotation=Signature.empty))
print(params[1].replace(name='bb', default=4))
print(custom == Signature(params, return_annotation=str), custom == inspect.signature(f))
for bad in ([Parameter('a', Parameter.KEYWORD_ONLY), Parameter('b', Parameter.POSITIONAL_ONLY)],
            [Parameter('a', Parameter.POSITIONAL_OR_KEYWORD, default=1),
             Parameter('b', Parameter.POSITIONAL_OR_KEYWORD)],
            [Parameter('a', Parameter.POSITIONAL_ONLY), Parameter('a', Parameter.KEYWORD_ONLY)]):
    try:
        Signature(bad)
    except ValueError as ex:
        print('ValueError:', ex)
for args in [('1x', Parameter.POSITIONAL_ONLY), ('x', 7)]:
    try:
        Parameter(*args)
    except ValueError as ex:
        print('ValueError:', ex)
try:
    Parameter('v', Parameter.VAR_POSITIONAL, default=1)
except ValueError as ex:
    print('ValueError:', ex)

# Wrapped and partial functions
def deco(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


@deco
def decorated(m, n=1):
    pass


print(inspect.signature(decorated), inspect.signature(decorated, follow_wrapped=False))
print(inspect.signature(functools.partial(f, 1)))
print(inspect.signature(functools.partial(f, 1, 2, 3)))
print(inspect.signature(functools.partial(f, b=5)))
print(inspect.signature(functools.partial(g, 1, w=0)))

# Builtins and errors
for obj in [len, sorted, isinstance, divmod, pow]:
    print(obj.__name__, inspect.signature(obj))
try:
    inspect.signature(5)
except TypeError as ex:
    print('TypeError:', ex)

spec = inspect.getfullargspec(annotated)
print(spec)
print(inspect.getfullargspec(Point(1).move))
print(inspect.getfullargspec(g).args, inspect.getfullargspec(g).kwonlydefaults)

# Builtin classes, namedtuples and dataclasses
import collections
import dataclasses


class MyList(list):
    pass


class MyInt(int):
    pass


Pair = collections.namedtuple('Pair', 'left right', defaults=[0])


@dataclasses.dataclass
class Item:
    name: str
    tags: list = dataclasses.field(default_factory=list)
    price: 'float' = 1.0
    _: dataclasses.KW_ONLY
    count: int = 1
    hidden: int = dataclasses.field(default=0, init=False)


for obj in [MyList, float, complex, enumerate, property, object, Pair, Item, Item.__init__,
            print, open, sum, MyInt, dict, type, max]:
    try:
        print(obj.__name__, inspect.signature(obj))
    except ValueError as ex:
        print('ValueError:', ex)
print(inspect.signature(print).parameters['end'])
print(inspect.signature(Item).bind('pen', count=2))
