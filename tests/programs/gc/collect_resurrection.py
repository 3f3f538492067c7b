import gc

saved = []

class Phoenix:
    def __del__(self):
        print("__del__ runs, resurrecting")
        saved.append(self)

gc.collect()
p = Phoenix()
q = Phoenix()
p.friend = q
q.friend = p
del p, q
print("first collect:", gc.collect())
print("saved:", len(saved))
saved.clear()
print("second collect:", gc.collect())
