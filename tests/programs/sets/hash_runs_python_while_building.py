class K:
    def __hash__(self):
        return 1
k = K()
print(len(set([k])))
print(len({x for x in [k]}))
print(len({x: 1 for x in [k]}))
print(len(dict([(k, 1)])))
print(len(frozenset([k])))
d = {}
d[k] = 1
print(k in d)
