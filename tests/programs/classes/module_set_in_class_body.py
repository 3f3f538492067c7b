# A class body that sets __module__ names that module in the class's repr.
class T:
    __module__ = 'm'
print(T, T.__module__)
class U: pass
U.__module__ = 'k'
print(U, repr(U()).split(" object at ")[0])
