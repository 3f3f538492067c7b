class A:
    def f(self): return 1
    @classmethod
    def c(cls): return cls.__name__
class B(A):
    def g(self):
        return [super().f() for _ in range(2)]
    @classmethod
    def c(cls): return super().c() + "!"
print(B.c(), super(B, B()).f(), super(B, B).c())
for args in [(B, 5), (5, B()), (B, A())]:
    try:
        super(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    print(B().g())
except TypeError as e:
    print("TypeError", e)
class M(type):
    def __call__(cls, *a):
        return super().__call__(*a)
class K(metaclass=M):
    pass
print(type(K()).__name__)
