from enum import Enum, StrEnum, auto
class C(Enum):
    A = 1
try:
    C.A = 2
except AttributeError as e:
    print(e)
try:
    del C.A
except AttributeError as e:
    print(e)
C.x = 5
print(C.x)
del C.x
print(hasattr(C, 'x'))
class Status(str, Enum):
    ACTIVE = "active"
    DONE = "done"
print(Status.ACTIVE, repr(Status.DONE), Status("done"), Status.ACTIVE == "active", Status.ACTIVE.upper(), isinstance(Status.DONE, str), f"{Status.DONE}", len(Status.ACTIVE))
class Color(StrEnum):
    RED = auto()
    GREEN = "g"
print(Color.RED, repr(Color.RED), Color.RED == "red", Color("g"), list(Color), str(Color.GREEN), f"{Color.RED:>6}|")
import sys
print(sys.getsizeof(Color.RED), sys.getrefcount(Color.RED))
print({"red": 1}[Color.RED], sorted(Color), Color.RED + "!", type(Color.RED + "!").__name__)
import json
print(json.dumps({"s": Status.ACTIVE}), json.dumps([Color.RED]))
