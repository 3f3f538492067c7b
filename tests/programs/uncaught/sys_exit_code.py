# sys.exit raises SystemExit: finally blocks run, and the code becomes the exit status.
import sys

try:
    sys.exit("a message goes to stderr")
except SystemExit as e:
    print("caught SystemExit:", e.code)

try:
    sys.exit()
except SystemExit as e:
    print("no argument:", e.code)

def shutdown():
    try:
        print("exiting with 3")
        sys.exit(3)
    finally:
        print("finally still runs")

shutdown()
print("not reached")
