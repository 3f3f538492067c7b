# functools.cached_property computes once per instance and keeps the value in the
# instance's __dict__ (a memory cost per instance, and a reference that keeps the value
# alive); deleting the attribute makes the next read compute it again.
import sys
from functools import cached_property


class Dataset:
    def __init__(self, values):
        self.values = values

    @cached_property
    def total(self):
        print("computing the total")
        return sum(self.values)


d = Dataset(list(range(1000)))
print(d.__dict__.keys())
print(d.total, d.total)
print(d.__dict__.keys(), sys.getrefcount(d.__dict__["total"]))
del d.total
print(d.total)
print(type(Dataset.total).__name__, Dataset.total.attrname)


class Slotted:
    __slots__ = ("x",)

    @cached_property
    def y(self):
        return 1


try:
    Slotted().y
except TypeError as e:
    print(e)
