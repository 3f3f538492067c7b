# A handler whose body ends with a nested try statement: leaving the outer handler
# must not report the inner except line again (sys.settrace's line events).
def first_raises():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise KeyError("inner")
        except KeyError:
            pass
    return "first"


def both_paths(flag):
    try:
        raise ValueError("outer")
    except ValueError as e:
        try:
            if flag:
                raise KeyError(str(e))
        except KeyError as k:
            print("inner caught", k)
    return "both"


def with_finally():
    try:
        raise ValueError
    except ValueError:
        try:
            x = 1
        finally:
            x = 2
    return x


def in_a_loop():
    total = 0
    for i in range(3):
        try:
            raise IndexError(i)
        except IndexError:
            try:
                total += 10 // i
            except ZeroDivisionError:
                total -= 1
    return total


print(first_raises())
print(both_paths(True))
print(both_paths(False))
print(with_finally())
print(in_a_loop())
try:
    raise ValueError
except ValueError:
    try:
        raise KeyError
    except KeyError:
        y = 2
print(y)
