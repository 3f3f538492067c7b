# A built-in function names its module; a method bound to an object, None.
import time, math
print([].append.__module__)
print(len.__module__, time.time.__module__, math.sqrt.__module__, "x".join.__module__)
