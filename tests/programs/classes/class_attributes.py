class Counter:
    count = 0
    shared = []

    def __init__(self):
        Counter.count += 1
        self.shared.append(Counter.count)

a = Counter()
b = Counter()
print(Counter.count, a.count, b.shared, a.shared is b.shared)
a.count = 100
print(a.count, b.count, Counter.count)
del a.count
print(a.count)
print(sorted(vars(a)), "count" in vars(Counter))
Counter.new_attr = "added later"
print(b.new_attr)
print(getattr(a, "missing", "no such attribute"))
try:
    a.missing
except AttributeError as e:
    print("AttributeError:", e)
