# json.dump writes to a file-like object (sys.stdout, io.StringIO); json.load reads one.
import io
import json
import sys

json.dump({"b": [1, 2.5, None], "a": "x"}, sys.stdout, indent=2, sort_keys=True)
print()
buf = io.StringIO()
json.dump([1, {"k": True}], buf, separators=(",", ":"))
print(repr(buf.getvalue()))
buf.seek(0)
print(json.load(buf), json.load(io.StringIO('{"n": 1e3}'), parse_float=str))
try:
    json.load(io.StringIO("[1,"))
except json.JSONDecodeError as e:
    print(type(e).__name__, e)
