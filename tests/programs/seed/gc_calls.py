import gc
gc.collect()
gc.disable()
gc.enable()
