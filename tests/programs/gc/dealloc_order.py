# A dying list releases its items from the last to the first.
class A:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

pair = [A('c'), A('d')]
del pair
items = [A(n) for n in "wxyz"]
print("rebinding")
items = []
print("dict")
d = {"first": A("1"), "second": A("2")}
d = None
print("tuple")
t = (A("t1"), A("t2"))
del t
print("done")
