"""except* in functions, loops, with blocks, nested try statements, generators and
coroutines. Even when no clause matches, a group leaves the try statement as a rebuilt
copy (same leaves, same traceback so far); a naked exception that nothing matched leaves
as itself. close() on a generator whose except* re-raises GeneratorExit gets a group."""
import traceback


def lines(e):
    return [f.lineno for f in traceback.extract_tb(e.__traceback__)]


EG = ExceptionGroup("x", [TypeError(1), ExceptionGroup("y", [KeyError(2)])])


def nothing_matches():
    try:
        raise EG
    except* ValueError:
        print("never")
    except* OSError:
        print("never")


try:
    nothing_matches()
except ExceptionGroup as r:
    print(repr(r), r is EG, lines(r), r.exceptions[1] is EG.exceptions[1], r.exceptions[0] is EG.exceptions[0])


def tuple_clause():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3), OSError(4)])
    except* (ValueError, KeyError) as e:
        print("tuple clause got", repr(e))
    except* (OSError,) as e:
        print("1-tuple clause got", repr(e))
        raise


try:
    tuple_clause()
except ExceptionGroup as r:
    print("left:", repr(r))


def nested():
    try:
        try:
            raise ExceptionGroup("in", [ValueError(1), TypeError(2)])
        except* ValueError:
            raise KeyError("from inner clause")
    except* KeyError as k:
        print("outer clause got", repr(k), repr(k.exceptions[0].__context__))
    except* TypeError as t:
        print("outer clause got", repr(t))
    return "nested done"


print(nested())


def two_parts(x):
    try:
        raise ExceptionGroup("f", [ValueError(x), TypeError(x)])
    except* ValueError as e:
        got = e.exceptions[0].args[0]
    except* TypeError:
        got2 = "t"
    return got, got2


print(two_parts(5))
for i in range(3):
    try:
        if i == 1:
            raise ExceptionGroup("loop", [ValueError(i)])
        print("iter", i)
    except* ValueError as e:
        print("loop caught", repr(e))


class CM:
    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        print("__exit__ saw", typ.__name__, repr(value))
        return False


try:
    with CM():
        raise ExceptionGroup("cm", [ValueError(1)])
except* ValueError as e:
    print(repr(e))


def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError("a"), KeyError("b")])
    except* ValueError as e:
        yield f"caught {e!r}"
    except* KeyError as e:
        yield f"caught {e!r}"
    yield "after"


print(list(gen()))


def catcher():
    try:
        yield 1
    except* ValueError as e:
        print("catcher got", repr(e))
        yield 2
    yield 3


g = catcher()
next(g)
print(g.throw(ValueError("thrown")), next(g))
g = catcher()
next(g)
try:
    g.throw(ExceptionGroup("tg", [TypeError("t")]))
except ExceptionGroup as b:
    print("throw left", repr(b), g.gi_frame)


def reraises_exit():
    try:
        yield 1
    except* GeneratorExit as e:
        print("close seen", repr(e))
        raise


def swallows_exit():
    try:
        yield 1
    except* GeneratorExit as e:
        print("close seen", repr(e))


for make in (reraises_exit, swallows_exit):
    g = make()
    next(g)
    try:
        g.close()
        print("closed")
    except BaseException as b:
        print("close raised", repr(b), type(b).__name__)


async def coro():
    try:
        raise ExceptionGroup("c", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        print("coro caught", repr(e))


c = coro()
try:
    c.send(None)
except ExceptionGroup as b:
    print("coro raised", repr(b), c.cr_frame)
