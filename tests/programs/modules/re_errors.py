# re: re.error messages and positions as CPython words them, the TypeErrors and
# IndexErrors of the API, bytes patterns, and an uncaught re.error ending the program.
import re

p = re.compile(rb'(\w+)=(\d+)', re.I)
print(p, p.findall(b'a=1, B=22 \xe9=3'), p.sub(rb'\2:\1', b'a=1;b=2'), p.split(b'x a=1 y'), p.match(b'k=7'))
print(re.sub(b'a', lambda m: m.group().upper(), b'banana'), re.escape(b'a.b'), re.search(b'(?i)Z', b'xz').span(), re.compile(b'a').flags)

bad_patterns = ['(a', '*', 'a)b)', '[a', 'a**', 'a{3,2}', '(?<=a+)b', '[z-a]', '\\', r'\8', '(?z)', 'x+?*',
                '(?P<1>a)', '(?P<a>x)(?P<a>y)', '(?P<a>x)(?P=b)', '(?P=a', '(?#unclosed', r'[\d-z]', r'\q',
                '(?(2)a)', '(?<a)', 'a(?i)b', '(?i', r'\x4', r'\u12', '(a)\\2', '(?P', 'a|*', '^*', '(?',
                'ab\n(?P<n>b)(?P<n>c)', '(?(0)a)', '(?(1)a|b|c)', r'(a)(?<=\1)', '(?-x:a)(?x-x:b)', '(?a)(?u)']
for pat in bad_patterns:
    try:
        re.compile(pat)
        print(repr(pat), 'compiled')
    except re.error as e:
        print(repr(pat), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
    except ValueError as e:
        print(repr(pat), '->', type(e).__name__, e)
for bad in [lambda: re.sub('a', r'\2', 'a'), lambda: re.sub('(a)', r'\g<x>', 'a'), lambda: re.sub('a', r'\q', 'a'),
            lambda: re.sub('(a)', r'\g<1', 'a'), lambda: re.sub('(a)', r'\g<-1>', 'a'),
            lambda: re.match('a', b'a'), lambda: re.match(1, 'a'), lambda: re.compile(re.compile('a'), re.I),
            lambda: re.match('(a)', 'a').group(5), lambda: re.match('(a)', 'a').group('zz'), lambda: re.match('(a)', 'a')[2],
            lambda: re.sub('a', lambda m: 5, 'a'), lambda: re.search('a', None), lambda: re.match(b'a', 'a'),
            lambda: re.compile(b'\\u1234'), lambda: re.compile(b'(?u)a'), lambda: re.compile(b'a', re.U), lambda: re.sub('a', b'x', 'ba')]:
    try:
        print(bad())
    except (re.error, TypeError, IndexError, ValueError) as e:
        print(type(e).__name__, e)
print(isinstance(re.error('x'), Exception), re.error('boom').msg, re.error('boom', 'pat', 1))
re.compile('(unbalanced')
