# atexit functions still run when the program dies of an uncaught exception (after the
# traceback), and a weakref.finalize marked atexit runs then too, newest first.
import atexit
import weakref


class Resource:
    def __init__(self, name):
        self.name = name


def report(tag):
    print("atexit:", tag)


atexit.register(report, "registered first")
keep = [Resource("a"), Resource("b")]
for r in keep:
    weakref.finalize(r, print, "finalize", r.name)
print(atexit._ncallbacks() >= 2)
atexit.register(report, tag="registered last")
raise RuntimeError("the program fails")
