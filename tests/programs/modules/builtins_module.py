# import builtins gives the module the built-in names live in; a name set there is
# found from everywhere.
import builtins
print(builtins.len is len, builtins.__name__, type(builtins).__name__, builtins)
builtins.my_global = 5
print(my_global)
print({"print", "len", "ValueError"} <= set(dir(builtins)))
def f():
    return my_global + 1
print(f())
del builtins.my_global
try:
    f()
except NameError as e:
    print(e)
