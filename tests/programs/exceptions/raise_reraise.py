def risky(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n

def wrapper(n):
    try:
        return risky(n)
    except ValueError:
        print("logging and re-raising")
        raise

try:
    wrapper(-1)
except ValueError as e:
    print("outer got:", e)

try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)

err = None
try:
    raise IndexError("kept")
except IndexError as e:
    err = e
print("name e deleted:", "e" not in dir())
print(err)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
