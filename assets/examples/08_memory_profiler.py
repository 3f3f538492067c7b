# memory_profiler: a line-by-line memory report of a decorated function.
#
# What to watch:
# - `a` is a list of 10**6 references to the one cached int 1 (about 7.6 MiB).
# - `b` is 20 times bigger; `del b` frees it at once, and the report shows
#   the negative increment on that line.
# - The report is printed when my_func returns. refscope computes the MiB
#   figures from its modelled heap, so they are stable from run to run.
from memory_profiler import profile


@profile
def my_func():
    a = [1] * (10 ** 6)
    b = [2] * (2 * 10 ** 7)
    del b
    return a


if __name__ == '__main__':
    my_func()
