# At exit, CPython collects once more (when the collector is enabled) before it
# tears __main__ down, and gc.callbacks see that collection: here it finds the
# cycle the program dropped.
import gc


def report(phase, info):
    print("gc", phase, info)


gc.callbacks.append(report)
cycle = []
cycle.append(cycle)
del cycle
print("end of the program")
