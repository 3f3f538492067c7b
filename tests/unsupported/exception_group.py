# ExceptionGroup (and except*) are not in refscope yet: using one must stop with a
# clear message, not a NameError that blames the program.
try:
    raise ExceptionGroup("several", [ValueError(1), TypeError(2)])
except ExceptionGroup as group:
    print(group.exceptions)
