def finally_raises():
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")

try:
    finally_raises()
except Exception as e:
    print(type(e).__name__, e, "| context:", repr(e.__context__))

def except_raises():
    try:
        1 / 0
    except ZeroDivisionError:
        [][0]

try:
    except_raises()
except IndexError as e:
    print("IndexError with context", type(e.__context__).__name__)

def handled_in_finally():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally runs")
    except ValueError as e:
        print("outer caught", e)
    finally:
        print("outer finally runs")

handled_in_finally()
