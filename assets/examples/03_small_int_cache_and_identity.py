# The small-int cache and identity (`is`) versus equality (`==`).
#
# What to watch:
# - Ints from -5 to 256 are created once and shared: every 5 in the program is
#   the same cached object (folded away in the drawing unless you show cached objects).
# - 1000 is not cached. But this file is compiled as a whole, and equal
#   constants of one file are merged: `c` and `d` are one object, so `c is d`
#   is True here. The article shows False: that is the interactive REPL, where
#   every line is compiled on its own. Run this file with "REPL mode" to see it.
# - Ints computed while the program runs are new objects above 256.
a = 5
b = 5
print(a is b)            # True: the cached 5

c = 1000
d = 1000
print(c is d)            # True as a script (merged constants), False in REPL mode

e = int("1000")          # made at run time: a new object
print(c == e, c is e)    # True False: equal, but not the same object

n = 200
m = n + 56               # computed at run time: 256, still the cached object
print(m is a + 251)      # True: both sides are the one cached 256
big1 = n + 800           # computed at run time and above 256: a new object
big2 = n + 800           # ... and another one
print(big1 == big2, big1 is big2)   # True False

# Rule of thumb: use `==` to compare values; keep `is` for None and identity.
print(a is not None)
