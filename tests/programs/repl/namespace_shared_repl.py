# Statements compiled separately still share one module namespace.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump()
bump()
print(counter)
import sys
items = []
print(sys.getrefcount(items))
class K:
    pass
print(K.__name__, __name__)
