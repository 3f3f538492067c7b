# str.format_map, int.bit_count, slice.indices and string.Template, as python3 has them.
print('{x} and {y!r:>6}'.format_map({'x': 1, 'y': 'a'}), '{a[0]}-{a[1]}'.format_map({'a': [7, 8]}))
class Default(dict):
    pass
try:
    '{}'.format_map({})
except ValueError as e:
    print(e)
try:
    '{missing}'.format_map({'x': 1})
except KeyError as e:
    print('KeyError', e)
print('{v:{w}}|'.format_map({'v': 3, 'w': 5}))
from collections import defaultdict
print('{a}{b}'.format_map(defaultdict(str, a='A')))
print((10).bit_count(), (0).bit_count(), (-7).bit_count(), (2**100 - 1).bit_count(), True.bit_count())
for s in [slice(1, 5, 2), slice(None), slice(-3, None), slice(None, None, -1), slice(10, -20, -3), slice(2, 100)]:
    print(s.indices(10), s.indices(0))
try:
    slice(1).indices(-1)
except ValueError as e:
    print(e)
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    print(e)
from string import Template
t = Template('$who likes $what, ${who}s cost $$10')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'ann', 'what': 'tea'}, what='rice'))
print(Template('$a $b').safe_substitute(a=1), Template('x $').safe_substitute(), Template('${a').safe_substitute(a=1))
try:
    Template('$who $x').substitute(who=1)
except KeyError as e:
    print('KeyError', e)
for bad in ['cost $ 5', 'line\n  ${1}', 'ok $']:
    try:
        Template(bad).substitute()
    except ValueError as e:
        print(e)
print(Template('$_x1 ${y_2}z').substitute(_x1='A', y_2='B'), Template('$é').safe_substitute())
