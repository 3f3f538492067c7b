def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"

print([grade(s) for s in (95, 85, 75, 10)])
print("yes" if [] else "no", "yes" if [0] else "no")

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
