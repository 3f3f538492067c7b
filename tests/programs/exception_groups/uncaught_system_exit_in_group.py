"""sys.exit() inside a try with except* SystemExit: the clause gets the SystemExit wrapped
in BaseExceptionGroup('', (SystemExit(3),)), and a bare raise re-raises that wrapper. A group
is not a SystemExit, so the interpreter prints it as an uncaught exception and exits with 1,
not 3."""
import sys

print("start")
try:
    sys.exit(3)
except* SystemExit as e:
    print("clause got", repr(e), type(e).__name__, e.exceptions[0].code)
try:
    raise BaseExceptionGroup("explicit", [SystemExit(5)])
except SystemExit:
    print("never: a plain except SystemExit does not see into a group")
except BaseExceptionGroup as g:
    print("caught", repr(g))
try:
    sys.exit(3)
except* SystemExit:
    print("re-raising")
    raise
