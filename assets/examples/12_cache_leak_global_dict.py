# A cache that leaks: a global dict keeps every result alive forever.
#
# What to watch:
# - Each call to render() stores its result in the module-level `_cache`.
#   Those strings never die: their backref chain is module -> _cache -> str.
# - Nothing is a cycle, so gc.collect() cannot help (it returns 0).
# - Clearing the cache (or bounding its size) is the fix: watch every
#   cached object fade out on `_cache.clear()`.
import gc

_cache = {}


def render(page_number):
    if page_number not in _cache:
        _cache[page_number] = "<page %d>" % page_number * 100
    return _cache[page_number]


for n in range(5):
    render(n)
render(2)                      # a hit: nothing new is allocated
print("cached pages:", len(_cache))
print("gc finds:", gc.collect())

_cache.clear()                 # the leak is gone
print("cached pages:", len(_cache))
