# A __del__ given to a class after its subclasses were made runs for their instances
# too: freed by their refcount, or by the collector when they are in a cycle.
import gc


class Base:
    pass


class Child(Base):
    pass


class Grandchild(Child):
    pass


def goodbye(self):
    print("__del__ of a", type(self).__name__)


Base.__del__ = goodbye

c = Child()
del c
g = Grandchild()
g.me = g
del g
print("collected:", gc.collect())

del Base.__del__
c = Child()
del c
print("end")
