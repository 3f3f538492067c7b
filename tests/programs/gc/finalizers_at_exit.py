# When a program ends, CPython collects what __main__'s globals still hold, and each
# __del__ runs: first the objects the globals (and other objects' attributes) hold, in
# the order the collector finds them, then those in lists, tuples, sets and dicts, as
# the containers let go of them. A function's locals go first to last when it returns.


class T:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner

    def __del__(self):
        print("del", self.name)


def f():
    a = T("local a")
    b = T("local b")
    c = T("local c")
    print("f returns")


f()

items = [T("list 0", T("inner of list 0")), T("list 1")]
first = T("first")
_private = T("_private")
pair = (T("tuple 0"),)
table = {"k": T("dict value")}
members = {T("set member")}
second = T("second", T("inner of second"))
first, second = second, first


class Holder:
    pass


h = Holder()
h.item = T("attribute")
cycle = T("cycle")
cycle.inner = cycle
print("end of program")
