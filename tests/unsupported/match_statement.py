# refscope does not run the match statement yet: it must stop with a clear message.
def describe(value):
    match value:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return "negative int"
        case [x, y]:
            return f"pair {x},{y}"
        case {"kind": kind}:
            return f"kind {kind}"
        case str() | bytes():
            return "text"
        case _:
            return "something else"

for v in (0, -3, [1, 2], {"kind": "k"}, "s", 2.5):
    print(describe(v))
