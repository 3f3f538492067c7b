# Releasing objects that are no longer needed.
#
# What to watch:
# - First call: the list is built right in the call, so the parameter `data`
#   is its only reference (CPython 3.11 hands the argument over to the new
#   frame). `del data` drops the refcount to 0 and the list is freed on that
#   very line, before gc.collect() runs.
# - Second call: the caller's name `big` still refers to the list, so
#   `del data` only takes the refcount from 2 to 1. The list dies at `del big`.
#   `del` removes a name, never an object; an object dies with its last reference.
# - gc.collect() only matters for cycles; there is none here, so it returns 0.
import gc


def do_something_with(data):
    return sum(data)


def process_large_data(data):
    # Process data
    result = do_something_with(data)
    # Manually delete large objects to free memory
    del data
    print("collected:", gc.collect())
    return result


print(process_large_data(list(range(100000))))

big = list(range(100000))
print(process_large_data(big))   # `del data` inside does not free it now
del big                          # now the list is freed, on this line
print("done")
