class AppError(Exception):
    """Base class of this program's errors."""

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"no such key: {key}")
        self.key = key

class Invalid(AppError):
    pass

def lookup(table, key):
    if not isinstance(key, str):
        raise Invalid("keys are strings", key)
    if key not in table:
        raise NotFound(key)
    return table[key]

table = {"a": 1}
for key in ["a", "b", 3]:
    try:
        print("found", lookup(table, key))
    except NotFound as e:
        print("NotFound:", e, "| key =", e.key, "| args =", e.args)
    except AppError as e:
        print(type(e).__name__ + ":", e, "| args =", e.args)

print(repr(NotFound("z")), str(Invalid()), repr(Invalid()))
print(issubclass(NotFound, AppError), NotFound.__mro__[-3].__name__)
e = ValueError("a", 2)
print(e, repr(e), e.args)
