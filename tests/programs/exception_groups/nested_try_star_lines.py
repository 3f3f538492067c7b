# A try/except* whose body raises nothing, nested in another try: stepping goes from the
# body straight to what follows, as sys.settrace's lines do (no step on a clause's line).
try:
    try:
        print("body")
    except* ValueError as e9:
        x = 1
except* KeyError:
    raise
print("after")


def f():
    try:
        try:
            print("inner body")
            pass
        except* (ArithmeticError, LookupError) as e:
            print("never", e)
    except* (RuntimeError, KeyError):
        print("never either")
        raise
    return "returned"


print(f())
