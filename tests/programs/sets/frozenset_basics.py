f = frozenset([3, 1, 2, 1])
print(f, len(f), 2 in f)
print(f | {4}, f & {1, 9}, type(f | {4}).__name__, type({4} | f).__name__)
print(frozenset() == set(), f == {1, 2, 3})
groups = {frozenset({1, 2}): "pair", frozenset(): "none"}
print(groups[frozenset({2, 1})])
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
