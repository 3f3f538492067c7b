print("before import")
import numpy
print("not reached")
