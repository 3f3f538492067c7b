# pprint: nested lists, tuples, dicts and sets spread over lines at width 80 (or the width
# given), dict keys sorted (pp keeps insertion order), indent, depth, compact, long strings
# and bytes cut into adjacent literals.
import pprint
data = {'name': 'Alice', 'scores': [90, 85, 77, 92, 88, 95, 60, 70, 81, 99, 100, 45, 67, 89, 93, 72],
        'address': {'street': '123 Main St', 'city': 'Springfield', 'zip': '12345'},
        'tags': ('a', 'b'), 'nested': [[1, 2, [3, 4, [5, 6]]], {'k': {'kk': [1] * 30}}]}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, indent=4, width=50)
pprint.pprint(data, depth=2)
pprint.pprint(data, compact=True, width=40)
pprint.pp(data, width=60)
pprint.pp({'b': 1, 'a': 2}, sort_dicts=True)
pprint.pprint({'b': 1, 'a': 2, 'c': [3]})
pprint.pprint(list(range(40)))
pprint.pprint(list(range(40)), compact=True)
pprint.pprint([[i * j for j in range(12)] for i in range(12)], compact=True, width=50)
pprint.pprint({'matrix': [[i * j for j in range(10)] for i in range(10)]})
pprint.pprint({'users': [{'id': i, 'name': 'user%d' % i, 'roles': ['admin', 'dev'][:i % 3]} for i in range(4)]})
pprint.pprint(list('abcdefghijklmnopqrstuvwxyz'), compact=True, width=30, indent=3)
# keys that cannot be compared are ordered by their types' names
pprint.pprint({3: 'x' * 30, 1: 'y' * 30, 'a': 'z' * 30, None: 4, (1, 2): 5, 2.5: 6})
pprint.pprint({1: 'a', 'b': 2, None: 3, 2.5: 4, (0,): 5}, width=20)
pprint.pprint((1,))
pprint.pprint(((1,) * 30,))
pprint.pprint(('a' * 40, 'b' * 40, ('c' * 40,)))
pprint.pprint(set(range(30)))
pprint.pprint(frozenset(range(30)))
pprint.pprint({1, 2.5, 3}, width=5)
pprint.pprint([set(), frozenset(), {}, [], (), ''])
pprint.pprint([1, 2, 3], indent=4, width=5)
pprint.pprint({'a': 1, 'b': 2}, indent=4, width=5)
pprint.pprint([[1, 2], [3, 4]], width=1)
print(pprint.pformat([1, 2, [3, 4]], width=8))
x = [1, 2]
pprint.pprint([x, x, x], width=10)
pprint.pprint([1.5, 2j, None, True, -3, float('inf'), 1 / 3], width=5)
pprint.pprint({'a': True, 'b': None, 'c': 1.5, 'd': 2+3j, 'e': b'bytes', 'f': bytearray(b'ba')}, width=20)
pprint.pprint([range(100)] * 4)
print(pprint.pformat(12345678, underscore_numbers=True), pprint.pformat([10**10, -5000], underscore_numbers=True))
# depth
pprint.pprint([[[[[1]]]]], depth=3)
pprint.pprint([[[[['x' * 50]]]]], depth=3)
pprint.pprint(((((1,),),),), depth=2)
pprint.pprint({'a': {'b': {'c': {'d': 1}}}}, depth=2)
print(pprint.pformat([1, [2, [3, [4]]]], depth=2), pprint.pformat({}, depth=1), pprint.pformat([[]], depth=1))
# strings: cut after line ends, then after runs of spaces
s = 'The quick brown fox jumps over the lazy dog. ' * 5
pprint.pprint(s)
pprint.pprint([s])
pprint.pprint({'key': s, 'other': 'line one\nline two\n' * 4})
pprint.pprint(s, width=30)
pprint.pprint('x' * 100)
pprint.pprint('line1\nline2\n', width=10)
pprint.pprint(['a\tb c  d\n\ne f' * 5], width=20)
pprint.pprint('   leading spaces and words ' * 4, width=25)
pprint.pprint({'abc': 'def ghi ' * 3}, width=5)
pprint.pprint(['x' * 10 + ' ' + 'y' * 10], width=-5)
pprint.pprint({'x': ''}, width=1)
# bytes: cut every 4 bytes
pprint.pprint(b'\x00\x01abcdefg' * 10)
pprint.pprint([b'\x00\x01abcdefg' * 10])
pprint.pprint(b'abcdefgh' * 10)
pprint.pprint(bytearray(b'\x00\x01abcdefg' * 10))
pprint.pprint(bytearray(b'abc'))
