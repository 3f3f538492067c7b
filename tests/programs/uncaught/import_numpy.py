# C extensions such as numpy are not available: importing one fails.
print("before import")
try:
    import numpy as np
except ModuleNotFoundError as e:
    print("caught:", e)
    print("name:", e.name)
    print("is an ImportError:", isinstance(e, ImportError))

def load():
    import numpy
    return numpy

print("now uncaught")
load()
print("not reached")
