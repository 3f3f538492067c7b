# re: the everyday API -- findall, search, match, fullmatch, sub, subn, split, finditer,
# and Match objects (groups, names, spans, lastindex, expand, repr).
import re

text = 'Call 555-1234 or (555) 987-6543; mail joe.s@ex.com, Ann_B@foo.org.'
print(re.findall(r'\w+', text))
print(re.findall(r'\d{3}-\d{4}', text), re.findall(r'(\d{3})-(\d{4})', text))
print(re.findall(r'[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}', text))
print(re.split(r'[,;]\s*', 'a, b;c,d ;  e'), re.split(r'(,)\s*', 'a, b,c', maxsplit=1))
print(re.split(r'\b', 'a b'), re.split(r'x*', 'axbc'), re.split(r'(?=b)', 'abab'), re.split(r'\s+', '  a b  '))
print(re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'), re.sub('$', 'X', 'a\n'), re.sub(r'\s+', ' ', '  many   spaces\there '))
print(re.subn(r'(\w)(\w)', r'\2\1', 'abcde'), re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c3'), re.sub('a', 'b', 'aaa', count=2))
print(re.sub(r'(?P<w>\w+)', r'<\g<w>|\g<0>|\g<1>>', 'hi you'), re.sub('(a)|b', r'[\1]', 'ab'), re.sub(r'(\d+)', r'\1\n\t\\', 'x12'))

m = re.search(r'(?P<user>[\w.]+)@(?P<host>[\w.]+)', 'mail: joe.s@ex.com!')
print(m)
print(m.group(), m.group(0, 1, 'host'), m['user'], m[2], m.groups(), m.groupdict())
print(m.span('host'), m.start(), m.end(2), m.pos, m.endpos, m.lastindex, m.lastgroup, m.regs)
print(m.expand(r'\g<host> by \1 (\g<0>)'), m.re, m.string)
m = re.match(r'(a)(b)?(c)?', 'ac')
print(m.groups(), m.groups('-'), m.span(2), m.start(3), m.lastindex, m.group(1, 2))
print(re.match('x', 'y'), bool(re.match('a', 'ab')), re.fullmatch(r'\d+', '123'), re.fullmatch(r'\d+', '123a'))
print([m.span() for m in re.finditer(r'\b\w', 'hi there you')], [m.group(1) for m in re.finditer(r'(\w)\w*', 'ab cd')])
print(re.findall(r'(\d+)-(\d+)?', '1-2 3- 4-5'), re.findall(r'', 'ab'), re.findall(r'a|(b)', 'ab'))

p = re.compile(r'(\w+)=(\d+)')
print(p, p.pattern, p.flags, p.groups, p.groupindex, p.findall('a=1, bb=22'), p.sub(r'\2=\1', 'a=1, bb=22'))
print(p.search('zz a=1', 2), p.search('zz a=1', 0, 4), p.match('  x=5', 2), p.fullmatch('x=5 ', 0, 3))
print(re.compile(r'\d+').findall('12 34 56', 3, 7), re.compile('^b').search('ab', 1), re.compile('$').search('ab\n'))

phones = ['+1 (555) 123-4567', '555.123.4567', '555-1234', '(555)123-4567']
for ph in phones:
    print(ph, bool(re.match(r'^(\+\d{1,2}\s)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}$', ph)))
words = {}
for w in re.findall(r"[a-z']+", "It's the end of the world as we know it, and I feel fine: it's fine".lower()):
    words[w] = words.get(w, 0) + 1
print(sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
print(re.escape('a.b*c (1+1) ~#é'), re.escape('hello_world-1'), re.purge())
lexer = re.Scanner([(r'\d+', lambda s, t: ('NUM', int(t))), (r'[a-z]+', lambda s, t: ('ID', t)), (r'\s+', None), (r'[+*/=-]', lambda s, t: ('OP', t))])
print(lexer.scan('x = 3 + 42*y ?'))
sc = re.compile(r'\d*').scanner('12a3')
print([sc.search() for _ in range(5)], re.Pattern[str])
