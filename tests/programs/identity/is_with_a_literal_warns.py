# An identity test against a literal makes CPython's compiler print a SyntaxWarning on
# stderr before the program runs (the test still runs: is compares the objects).
a = 1000
print(a is 1000)
print(a is not "x")
print(None is None, a is (1, 2), a is ())
x = [1]
print(x is [1], -1 is -1)
print(x is f"a", x is b"", x is 1.5, x is ..., x is None is not True)
print(x is (1, [2]), x is -a, x is 2**8, (x is
  300))
