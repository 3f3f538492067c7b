# The gc module's functions check their arguments as CPython 3.11's do, with the same
# messages (Argument Clinic's, which name most of them gc.f()).
import gc

calls = [
    (gc.set_threshold, ()),
    (gc.set_threshold, (1, 2, 3, 4)),
    (gc.is_tracked, ()),
    (gc.is_finalized, ()),
    (gc.collect, (5,)),
    (gc.get_count, (1,)),
    (gc.set_debug, ()),
    (gc.get_referrers, ()),
    (gc.collect, ("x",)),
    (gc.get_objects, (7,)),
    (gc.freeze, (1,)),
    (gc.enable, (1,)),
    (gc.isenabled, (1, 2)),
    (gc.get_threshold, (1, 2)),
    (gc.get_debug, (1, 2)),
    (gc.get_stats, (1, 2)),
    (gc.unfreeze, (1, 2)),
    (gc.get_freeze_count, (1, 2)),
    (gc.disable, (1, 2)),
    (gc.get_objects, (1, 2)),
    (gc.collect, (1, 2)),
]
for f, args in calls:
    try:
        print(f(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    gc.set_threshold(1, x=2)
except TypeError as e:
    print(e)
