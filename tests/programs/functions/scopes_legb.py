# Name lookup: Local, Enclosing, Global, Builtin.
x = "global"

def outer():
    x = "enclosing"
    def inner():
        x = "local"
        return x
    def reads_enclosing():
        return x
    return inner(), reads_enclosing()

print(outer())
print(x)

def uses_builtin():
    return len("four")

def shadows_builtin():
    len = lambda s: -1
    return len("four")

print(uses_builtin(), shadows_builtin(), len("ok"))

def comprehension_scope():
    y = "function"
    squares = [y * 2 for y in range(3)]
    return squares, y

print(comprehension_scope())

class Scope:
    attr = "class"
    def method(self):
        try:
            return attr
        except NameError as e:
            return "NameError: " + str(e)

print(Scope().method())
