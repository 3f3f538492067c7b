def attempt(x):
    print(f"-- attempt({x!r})")
    try:
        print("try")
        result = 10 / x
    except ZeroDivisionError:
        print("except ZeroDivisionError")
        return "zero"
    except TypeError as e:
        print("except TypeError:", e)
        return "type"
    else:
        print("else", result)
        return "ok"
    finally:
        print("finally")

print(attempt(2))
print(attempt(0))
print(attempt("s"))

for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
