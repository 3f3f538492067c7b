# Reference cycles: reference counting alone cannot free objects that point at
# each other. The cycle collector (the `gc` module) finds them.
#
# What to watch:
# - After create_cycle() returns, list1 and list2 are unreachable (no root
#   refers to them) but each still has refcount 1: they are drawn in the
#   "unreachable, kept alive by a cycle" colour.
# - gc.collect() runs the collector's phases (update_refs, subtract_refs,
#   move_unreachable, ...) and frees both; it returns how many it found: 2.
# - gc.disable() stops automatic collections; explicit gc.collect() still works.
import gc


def create_cycle():
    list1 = []
    list2 = []
    list1.append(list2)
    list2.append(list1)


gc.collect()          # start from a clean slate
create_cycle()
print("unreachable objects found:", gc.collect())

gc.disable()
print("automatic collection enabled?", gc.isenabled())
create_cycle()        # this cycle now waits: nothing collects it automatically
gc.enable()
print("found after enabling:", gc.collect())
print("thresholds:", gc.get_threshold())
