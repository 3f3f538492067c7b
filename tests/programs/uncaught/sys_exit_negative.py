# sys.exit with a negative code: the process status is its low byte (255).
import sys
print("leaving")
sys.exit(-1)
