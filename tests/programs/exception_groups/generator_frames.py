# A generator suspended inside except* clauses: its size counts the deepest value stack
# the clauses need (CPython's co_stacksize), and a throw() into it takes the clause's
# path, with the clause's part as the handled exception.
import sys


def one_clause():
    try:
        yield 1
    except* ValueError as e:
        yield ("caught", repr(e), repr(sys.exc_info()[1]))
    except* TypeError:
        pass


def nested_clauses():
    try:
        yield 1
    except* ValueError as e:
        try:
            yield ("outer", repr(e))
        except* KeyError as k:
            yield ("inner", repr(k), repr(sys.exc_info()[1]))


print(sys.getsizeof(one_clause()), sys.getsizeof(nested_clauses()))

g = one_clause()
next(g)
print(g.throw(ValueError(3)))
print(next(g, "finished"))

h = nested_clauses()
next(h)
print(h.throw(ExceptionGroup("eg", [ValueError(1)])))
print(h.throw(KeyError("k")))
try:
    next(h)
except StopIteration:
    print("stopped")
