class Managed:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return False

with Managed("a") as value:
    print("inside", value)

with Managed("outer") as o, Managed("inner") as i:
    print("both", o, i)

try:
    with Managed("failing"):
        print("about to fail")
        raise ValueError("oops")
    print("not reached")
except ValueError as e:
    print("propagated:", e)

def early_return():
    with Managed("ret"):
        return "returned"

print(early_return())
