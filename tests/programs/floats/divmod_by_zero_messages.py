for f in [lambda: divmod(1.0, 0.0), lambda: divmod(1, 0.0), lambda: divmod(1.0, 0), lambda: divmod(2.5, False), lambda: 1.0 // 0, lambda: 1.0 % 0, lambda: divmod(1, 0), lambda: 5 % 0.0]:
    try:
        f()
    except ZeroDivisionError as e:
        print(e)
print(divmod(7.5, 2), divmod(-7, 2.0))
