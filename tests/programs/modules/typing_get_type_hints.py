# typing.get_type_hints evaluates annotations kept as strings (from __future__
# import annotations), along a class's MRO, with None as NoneType. A class's module
# globals are passed in: a tracing harness runs the program outside sys.modules.
from __future__ import annotations
from typing import get_type_hints, Optional


class Node:
    value: int
    next: Optional[Node]

    def push(self, value: int) -> Node:
        n = Node()
        n.value, n.next = value, self
        return n


class Labelled(Node):
    label: str


def area(w: float, h: float = 2.0) -> float:
    return w * h


def nothing() -> None:
    pass


print(get_type_hints(Node, globals()))
print(get_type_hints(Labelled, globals()))
print(get_type_hints(Node.push))
print(get_type_hints(area))
print(get_type_hints(nothing))
try:
    get_type_hints(3)
except TypeError as e:
    print(e)
