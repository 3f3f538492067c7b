# A NameError is printed with the nearest name among the frame's variables as they were
# and its globals as they are when it is printed (CPython's suggestions): an `except ... as`
# name is deleted by then, so it is not offered.
try:
    raise ValueError(1)
except Exception as ctx42:
    print(ctx44)
