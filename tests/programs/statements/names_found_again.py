# Name lookups remember where a name sat in its namespace; these check that a
# remembered place that went stale (names deleted, namespaces reordered, builtins
# shadowed and unshadowed, class bodies) still finds the right value.

def show():
    return (alpha, len("abc"))

alpha = 1
beta = 2
for _ in range(3):
    print(show())

del alpha                     # later names move up one place
gamma = 3
alpha = 10
print(show())

def len(x):                   # a global now shadows the builtin
    return -1
print(show())
del len                       # and the builtin is found again
print(show())

try:
    del alpha
    show()
except NameError as e:
    print("NameError:", e)

alpha = "back"
print(show())

x = "global x"
class C:
    print(x)                  # not yet in the class body: the global
    x = "class x"
    print(x)                  # the class body's own
    del x
    print(x)                  # the global again
    y = [x for _ in range(1)]

print(C.y)

counter = 0
for i in range(5):
    counter = counter + i     # module-level stores and loads in a loop
    if i == 2:
        del counter
        counter = 100
print(counter)

exec_like = [globals().get(n) for n in ("beta", "gamma", "nope")]
print(exec_like)
