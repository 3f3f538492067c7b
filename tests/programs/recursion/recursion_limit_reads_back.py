# sys.getrecursionlimit() gives back the limit the program set, also a large one.
import sys
sys.setrecursionlimit(200000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit())
