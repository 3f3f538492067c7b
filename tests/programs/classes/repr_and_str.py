class Money:
    def __init__(self, amount, currency):
        self.amount = amount
        self.currency = currency

    def __repr__(self):
        return f"Money({self.amount!r}, {self.currency!r})"

    def __str__(self):
        return f"{self.amount:.2f} {self.currency}"

m = Money(5, "EUR")
print(m)
print(repr(m), str(m))
print([m, m])
print(f"{m} / {m!r}")

class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"

print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])

class Plain:
    pass

print(repr(Plain()).startswith("<__main__.Plain object at 0x"))
print(Plain.__name__, Plain.__qualname__, Plain.__module__)
