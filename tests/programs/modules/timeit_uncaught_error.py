import timeit
print(timeit.timeit(lambda: None, number=1) >= 0)
timeit.timeit(123)
