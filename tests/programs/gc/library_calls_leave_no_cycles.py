# json and dataclasses leave no garbage cycles behind, as CPython's (its json encoder is
# C code when no indent is asked for): the collector finds nothing after them.
import gc, json, dataclasses

@dataclasses.dataclass
class Point:
    x: int
    y: list

gc.collect()
print(json.dumps({'a': [1, {'b': None}], 'c': 'd'}, sort_keys=True))
print(gc.collect())
print(json.loads('[1, {"a": [2.5, true, null]}, "x"]'))
print(gc.collect())
try:
    json.loads('[1, {"a": }]')
except json.JSONDecodeError as e:
    print(type(e).__name__, e)
print(gc.collect())
p = Point(1, [Point(2, [])])
print(dataclasses.asdict(p), dataclasses.astuple(p))
print(gc.collect())
