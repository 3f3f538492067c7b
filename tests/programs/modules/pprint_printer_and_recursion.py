# pprint: PrettyPrinter and its options, stream= (a StringIO, or stdout redirected),
# saferepr / isreadable / isrecursive, recursive structures, a subclass overriding format,
# and the ValueErrors for bad settings.
import pprint, io, contextlib
out = io.StringIO()
pprint.pprint({'z': 1, 'a': list(range(30))}, stream=out, width=50)
pprint.pprint('second', stream=out)
print(repr(out.getvalue()))
printer = pprint.PrettyPrinter(indent=2, width=30, stream=out)
printer.pprint(list(range(25)))
print(out.getvalue())
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    pprint.pprint(list(range(30)))
print(buf.getvalue().count('\n'), len(buf.getvalue()))
shallow = pprint.PrettyPrinter(depth=1)
print(shallow.pformat([[1], {'a': 2}, (3,)]))
print(shallow.isreadable([1]), shallow.isrecursive([1]), shallow.isreadable([[1]]))
print(shallow.format([1, [2]], {}, 0, 0))
print(pprint.PrettyPrinter(depth=2).isreadable([[[1]]]))

print(pprint.saferepr({'b': [1, 2], 'a': (3,)}), pprint.saferepr({'a': {'b': [1, (2,)]}}), pprint.saferepr(None))
x = [1, 2]
print(pprint.isreadable([x, x]), pprint.isrecursive([x, x]), pprint.isreadable([1, 'a']), pprint.isreadable(object()))


class K:
    def __repr__(self):
        return 'K()'


class MyInt(int):
    pass


class MyList(list):
    pass


print(pprint.isreadable(K()), pprint.isreadable(pprint.isreadable), pprint.isreadable(MyInt(3)))
print(pprint.saferepr(MyList([1, MyList([2])])), pprint.pformat([MyInt(1000000)], underscore_numbers=True))

# recursion: ids replaced so the output is the same in every run
a = [1, 2]
a.append(a)
print(pprint.saferepr(a).replace(str(id(a)), 'ID'), pprint.isrecursive(a), pprint.isreadable(a))
d = {'a': list(range(30))}
d['self'] = d
print(pprint.pformat(d).replace(str(id(d)), 'ID'))
big = list(range(30))
big.append(big)
both = {'self': None, 'data': big}
both['self'] = both
text = pprint.pformat([big, both])
print(text.replace(str(id(big)), 'IDA').replace(str(id(both)), 'IDB'))


class Upper(pprint.PrettyPrinter):
    def format(self, object, context, maxlevels, level):
        if isinstance(object, str):
            return repr(object.upper()), True, False
        return super().format(object, context, maxlevels, level)


Upper(width=20).pprint(['abc', 'defgh', {'k': 'v' * 5}, ('x', 'y')])
print(Upper().pformat({'key': ['value']}))
for bad in [dict(indent=-1), dict(depth=0), dict(width=0)]:
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print('ValueError', e)
print(pprint.__all__)
pprint.pprint(pprint.PrettyPrinter.__name__)
