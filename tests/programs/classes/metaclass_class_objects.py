class M(type):
    pass
class A(metaclass=M):
    pass
def f(x: A | None) -> A:
    return x
print(A | None, A == A, A != int, hash(A) == hash(A), {A: 1}[A], A < A if False else "skip")
print(sorted([A, A], key=id) == [A, A], [A].index(A), A in [int, A])
import copy
print(copy.copy(A) is A, copy.deepcopy(A) is A)
print(A.__name__, A.__qualname__, A.__module__, A.mro(), M.mro(M))
print(repr(M), str(A), format(A), A.__dict__.keys())
try:
    A < A
except TypeError as e:
    print(e)
print(type(A).__mro__, vars(A).keys())
print(dir(A) == dir(type("A", (), {})))
