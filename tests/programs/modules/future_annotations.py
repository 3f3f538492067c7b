"""A module that uses postponed annotations."""
from __future__ import annotations
import __future__
from dataclasses import dataclass, field


class Node:
    def __init__(self, value: int, next: Node | None = None) -> None:
        self.value = value
        self.next = next

    def push(self, value: int) -> Node:
        return Node(value, self)


@dataclass
class Tree:
    label: str
    children: list[Tree] = field(default_factory=list)


print(Node.push.__annotations__)
print(Node.__init__.__annotations__)
print(Tree.__annotations__)
print(Tree("a", [Tree("b")]))
x: UndefinedName = 3
print(__annotations__)
print(annotations)
print(__future__.annotations.compiler_flag, __future__.division)
head = Node(1).push(2).push(3)
print(head.value, head.next.value)
