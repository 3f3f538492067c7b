# PEP 560: a class may derive from list[int], Dict[str, int] or List: its bases are the
# classes __mro_entries__ names, and __orig_bases__ keeps what was written.
from typing import List, Dict, Generic, TypeVar
class IntList(list[int]):
    pass
print(IntList([1, 2]), IntList.__mro__, IntList.__orig_bases__, IntList.__bases__)
class Reg(Dict[str, int]):
    def total(self):
        return sum(self.values())
r = Reg(a=1, b=2)
print(r, r.total(), Reg.__mro__, isinstance(r, dict))
class Names(List):
    pass
print(Names('ab'), Names.__mro__)
T = TypeVar('T')
class Box(Generic[T]):
    def __init__(self, item):
        self.item = item
print(Box(3).item, Box.__mro__)
class Both(List[int], Generic[T]):
    pass
print(Both.__mro__)
class Bad:
    def __mro_entries__(self, bases):
        return [list]
try:
    class X(Bad()):
        pass
except TypeError as e:
    print('TypeError', e)
