# A str subclass's instance through str's methods and slicing: the results are
# exact strs, even when nothing changed (only an exact str gives itself back).
class P(str):
    pass
p = P("abc")
for name, r in [("strip", p.strip()), ("lstrip", p.lstrip()), ("rstrip", p.rstrip()), ("slice", p[:]), ("slice2", p[0:3]), ("lower", p.lower()), ("replace", p.replace("x", "y")), ("format", P("{}").format(1)), ("mul1", p * 1), ("add", p + ""), ("str", str(p)), ("join", "".join([p])), ("title", P("Abc").title()), ("fstring", f"{p}"), ("format()", format(p)), ("center", p.center(2)), ("expandtabs", p.expandtabs()), ("casefold", p.casefold()), ("swapcase", P("").swapcase()), ("upper", P("ABC").upper())]:
    print(name, type(r).__name__)
