import gc

events = []

def on_gc(phase, info):
    events.append((phase, info["generation"], info["collected"], info["uncollectable"]))

gc.collect()
gc.callbacks.append(on_gc)
a = []
b = [a]
a.append(b)
del a, b
print("returned", gc.collect())
for event in events:
    print(event)
events.clear()
print("returned", gc.collect(1))
print(events)
gc.callbacks.remove(on_gc)
