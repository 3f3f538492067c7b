class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

def third(node):
    return node.next.next.value

print(third(Node(1, Node(2, Node(3)))))
print(third(Node(1, Node(2))))
