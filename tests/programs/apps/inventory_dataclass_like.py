class Item:
    __slots__ = ("name", "price", "qty")

    def __init__(self, name, price, qty):
        self.name, self.price, self.qty = name, price, qty

    def total(self):
        return self.price * self.qty

    def __repr__(self):
        return f"Item({self.name!r}, {self.price}, {self.qty})"

    def __eq__(self, other):
        return (self.name, self.price, self.qty) == (other.name, other.price, other.qty)

class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, item):
        if item.name in self.items:
            self.items[item.name].qty += item.qty
        else:
            self.items[item.name] = item

    def remove(self, name, qty):
        item = self.items[name]
        item.qty -= qty
        if item.qty <= 0:
            del self.items[name]

    def value(self):
        return sum(item.total() for item in self.items.values())

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(sorted(self.items.values(), key=lambda i: i.name))

inv = Inventory()
inv.add(Item("pen", 1.5, 10))
inv.add(Item("book", 12.0, 2))
inv.add(Item("pen", 1.5, 5))
print(len(inv), list(inv), inv.value())
inv.remove("book", 2)
print(len(inv), list(inv), f"{inv.value():.2f}")
print(Item("a", 1, 1) == Item("a", 1, 1))
try:
    inv.remove("lamp", 1)
except KeyError as e:
    print("KeyError:", e)
