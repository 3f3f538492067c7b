d = {'a': 1, 'b': 2}
e = {'b': 20, 'c': 3}
print(d.keys() & e.keys(), sorted(d.keys() - e.keys()), sorted(d.keys() | e.keys()), sorted(d.keys() ^ e.keys()))
print({1: 2}.items() == {(1, 2)}, {1: 2}.keys() == {1}, {1} == {1: 2}.keys())
print(d.keys() & ['b'], ['b'] & d.keys(), sorted(d.keys() | ['z']), d.items() - {('a', 1)})
print(d.keys() < {'a', 'b', 'c'}, d.keys() <= d.keys(), e.keys() > {'b'}, d.keys() == e.keys(), d.items() == {('a', 1), ('b', 2)}, d.keys() != {'a', 'b'})
try:
    d.values() & {1}
except TypeError as ex:
    print(ex)
print(d.values() == d.values(), d.keys() == ['a', 'b'], type(d.keys() & e.keys()).__name__)
print(d.items() & e.items(), d.items() & {('b', 2)}, sorted(d.keys() - set()), frozenset('a') == d.keys() - {'b'})
print(d.keys().isdisjoint(e.keys()), d.keys().isdisjoint({'z'}), d.items() >= {('a', 1)})
v = d.values()
print(v == v, v != d.values())
try:
    print(d.keys() & 5)
except TypeError as ex:
    print(ex)
