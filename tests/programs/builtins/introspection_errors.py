# The errors of vars(), sys.getrefcount() and sys.getsizeof() called wrongly, with
# CPython 3.11's messages.
import sys
for f in ('vars(S())', 'sys.getrefcount()', 'sys.getrefcount(1, 2)', 'sys.getsizeof()', 'sys.getsizeof(1,2,3)', 'vars(1)'):
    class S: __slots__ = ()
    try: eval(f)
    except Exception as e: print(f, type(e).__name__, e)
