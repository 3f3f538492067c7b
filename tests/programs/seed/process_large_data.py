def do_something_with(data):
    return sum(data)


import gc
def process_large_data(data):
    # Process data
    result = do_something_with(data)
    # Manually delete large objects to free memory
    del data
    gc.collect()
    return result


print(process_large_data(list(range(100000))))
