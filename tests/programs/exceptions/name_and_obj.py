# NameError and AttributeError raised by the interpreter carry the missing `name`, and an
# AttributeError the object that lacked it (`obj`): a reference that keeps it alive while
# the exception lives. Only the uncaught ones get a "Did you mean" in the traceback.
import sys


class Account:
    def __init__(self):
        self.balance = 0


acct = Account()
before = sys.getrefcount(acct)
try:
    acct.balanse
except AttributeError as e:
    print(e, "|", e.name, e.obj is acct, sys.getrefcount(acct) - before)
    kept = e
print(sys.getrefcount(acct) - before, kept.name)
del kept
print(sys.getrefcount(acct) - before)
try:
    lenght = len([1])
    print(lenth)
except NameError as e:
    print(e, "|", e.name)
try:
    raise AttributeError("made by hand")
except AttributeError as e:
    print(e, e.name, e.obj)
print(NameError("x").name, [k for k in ("pirnt", "lenght") if k in dir(__builtins__)])
items = [3, 1, 2]
items.apend(4)
