# Bitwise operators take ints only: the TypeError names both operands' types.
for e in ["1.5 | 2", "True << 1.5", "2 ^ 1.0", "1.0 >> 2"]:
    try:
        eval(e)
    except TypeError as x:
        print(x)
