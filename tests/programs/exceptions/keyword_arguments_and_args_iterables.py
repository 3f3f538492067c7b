# A built-in exception refuses keyword arguments (BaseException's __init__) unless its class
# has an __init__ of its own; args set from an iterable is read as PySequence_Tuple reads
# it (iter, then the length hint).
for cls in (ValueError, KeyError, OSError, SyntaxError, StopIteration):
    try:
        cls(1, k=2)
    except TypeError as e:
        print(e)
class WithInit(ValueError):
    def __init__(self, *args, **kw):
        super().__init__(*args)
        self.kw = kw
print(WithInit(1, k=2).kw)
class Plain(ValueError):
    pass
try:
    Plain(1, k=2)
except TypeError as e:
    print(e)
try:
    ExceptionGroup("m", [ValueError()], x=1)
except TypeError as e:
    print(e)
class Seq:
    def __iter__(self):
        print("iter")
        return iter([1, 2])
    def __len__(self):
        print("len")
        return 2
e = ValueError()
e.args = Seq()
print(e.args)
