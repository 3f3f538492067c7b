# An uncaught NameError names the nearest variable, as CPython 3.11 does: the function's
# locals first, then the module's globals, then the builtins.
def total(values):
    result = 0
    for value in values:
        result += vaule
    return result


total([1, 2])
