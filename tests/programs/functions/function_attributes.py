def area(width, height=1, *, unit="m"):
    """Area of a rectangle."""
    return f"{width * height} {unit}2"

print(area.__name__, area.__qualname__, area.__doc__)
print(area.__defaults__, area.__kwdefaults__)
print(area.__code__.co_argcount, area.__code__.co_kwonlyargcount)
print(area(3, 4), area(2, unit="cm"))
area.calls = 0
area.calls += 1
print(area.calls, "calls" in area.__dict__)

def outer():
    def inner():
        pass
    return inner

print(outer().__qualname__, (lambda: 0).__name__)
print(type(area).__name__, callable(area))
alias = area
del area
print(alias(5), alias.__name__)
