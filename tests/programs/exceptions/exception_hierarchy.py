# Which except clause catches what: the first clause whose class matches, in order.
def classify(make):
    try:
        make()
    except (KeyError, IndexError) as e:
        return "LookupError family: " + type(e).__name__
    except ArithmeticError as e:
        return "ArithmeticError family: " + type(e).__name__
    except Exception as e:
        return "other Exception: " + type(e).__name__

print(classify(lambda: {}["k"]))
print(classify(lambda: [][1]))
print(classify(lambda: 1 / 0))
print(classify(lambda: 2.0 ** 10000))
print(classify(lambda: int("x")))
print(classify(lambda: undefined))
print(classify(lambda: None.attr))

for exc in [KeyError, ZeroDivisionError, OverflowError, UnboundLocalError,
            ModuleNotFoundError, RecursionError, StopIteration, KeyboardInterrupt,
            SystemExit, NotImplementedError, FileNotFoundError]:
    print(exc.__name__, "->", " -> ".join(k.__name__ for k in exc.__mro__[1:]))

try:
    raise KeyboardInterrupt
except Exception:
    print("not reached")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
