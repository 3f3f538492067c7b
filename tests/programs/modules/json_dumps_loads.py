# json: dumps with CPython's formatting options and loads with CPython's error messages.
import json
data = {'name': 'Ann', 'age': 30, 'tags': ['a', 'b'], 'ok': True, 'none': None, 'pi': 3.14, 'n': {'x': [1, 2.5e-7, -0.0]}}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, [2, [3, {}]], []], indent='\t'), json.dumps((1, 2)), json.dumps('é\n"\\\x01', ensure_ascii=True), json.dumps('é😀', ensure_ascii=False), json.dumps('😀'))
print(json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd'}), json.dumps({'a': 1}, separators=(',', ':')), json.dumps(float('inf')), json.dumps(10**30))
print(json.dumps({'s': {1, 2}}, default=sorted), json.dumps([{'a': []}], indent=0))
for bad in [lambda: json.dumps({'s': {1}}), lambda: json.dumps({(1, 2): 3}), lambda: json.dumps(float('nan'), allow_nan=False)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
loop = []; loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print(e)
text = json.dumps(data)
back = json.loads(text)
print(back == data, back, type(back['n']['x'][1]).__name__)
print(json.loads(' [1, 2.0, -3e2, "a\\u00e9\\ud83d\\ude00\\n", true, false, null, {"k": {}}] '), json.loads('"\\/"'), json.loads(b'{"a": 1}'), json.loads('NaN'), json.loads('-Infinity'))
print(json.loads('{"a": 1, "a": 2}'), json.loads('[1, 2]', parse_int=str), json.loads('{"x": 1}', object_pairs_hook=list), json.loads('1.5', parse_float=lambda t: 'F' + t))
for bad in ['', '[1,]', '{"a" 1}', '{a: 1}', '[1 2]', '"abc', '[1] x', 'tru', '"\\x"', '{"a": 1,}', '\n\n  [\n  01]']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
