from enum import Enum
class Color(Enum):
    RED = 1
s = set(Color)            # also: frozenset(...), {c for c in Color}, {c: 1 for c in Color}, dict([(Color.RED, 1)])
print(s)
