# Formatting that leaves a str unchanged gives the str itself, as CPython does: '%s' % s,
# '%5s' % s when s needs no padding, f'{s}' and f'{s!s}'; anything added makes a new one.
s = "hello"
t = "abc" * 3
print("%s" % s is s, "%s" % (s,) is s, "%s" % t is t, "%r" % s is s, "%s!" % s is s, "%5s" % s is s, "%s" % 5)
print(f"{s}" is s, f"{s!s}" is s, f"{s:}" is s, f"{s!r}" is s, "%s" % (s,) is s, "%s%s" % (s, "") is s)
