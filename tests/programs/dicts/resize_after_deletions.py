# A dict that filled up by insertions and emptied by deletions is resized by its next
# insertion to CPython 3.11's calculate_log2_keysize(used * 3): 16 slots, not 8, when one
# or two entries are left.
import sys
for keep in range(0, 8):
    d = {}
    for i in range(10):
        d[i] = i
    for i in range(10 - keep):
        del d[i]
    d[100] = 1
    d2 = {}
    for i in range(10):
        d2[str(i)] = i
    for i in range(10 - keep):
        del d2[str(i)]
    d2["new"] = 1
    print(keep, sys.getsizeof(d), sys.getsizeof(d2))
