class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __hash__(self):
        return hash((self.major, self.minor))

    def __repr__(self):
        return f"v{self.major}.{self.minor}"

vs = [Version(2, 0), Version(1, 5), Version(1, 10)]
print(sorted(vs), min(vs), max(vs))
print(Version(1, 5) == Version(1, 5), Version(1, 5) != Version(1, 6))
print(Version(1, 5) > Version(1, 0))
print(len({Version(1, 5), Version(1, 5), Version(2, 0)}))
print(Version(1, 0) == "1.0")

class NoHash:
    def __eq__(self, other):
        return True

print(NoHash.__hash__)
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
try:
    Version(1, 0) <= Version(2, 0)
except TypeError as e:
    print("TypeError:", e)
a = object()
print(a == a, a != object())
