try:
    exec("x = (1,\n  2 3)")
except SyntaxError as e:
    print(e, "|", e.msg, e.lineno, e.offset, repr(e.text))
exec("def f(:\n pass")
