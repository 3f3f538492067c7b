# re: pattern syntax -- classes, anchors, flags (inline and scoped), lazy and possessive
# quantifiers, atomic groups, lookaround, backreferences, conditionals, RegexFlag reprs.
import re

print(re.findall(r'^\w+', 'one\ntwo\nthree', re.M), re.findall(r'\w+$', 'one\ntwo\n'), re.findall(r'\w+$', 'one\ntwo\n', re.M))
print(re.findall('.+', 'a\nb', re.S), re.findall('.+', 'a\nb'), re.findall(r'(?i)HELLO', 'hello Hello'), re.findall(r'(?i:a)b', 'Ab AB ab'))
print(re.compile(r'''\d+  # digits
   \s* [a-z]+ # word''', re.X).findall('12 ab 3cd'), re.findall(r'\w+', 'héllo wörld_1', re.A), re.findall(r'\w+', 'héllo wörld_1'))
print(re.findall(r'[^\W\d]+', 'ab12cd_3'), re.findall(r'[\d.,-]+', '1,234.5 -7'), re.findall(r'[]a-]', 'a]-b'), re.findall(r'[\]\\]', 'a]\\b'))
print(re.findall(r'\bcat\b', 'cat catalog bobcat cat.'), re.findall(r'\Bcat', 'cat catalog bobcat'), re.findall(r'\Aab|cd\Z', 'abcdab cd'))
print(re.findall(r'\x41\u00e9\t\.', 'Aé\t. Aé\tx'), re.findall(r'[\s]+', 'a \t\nb'), re.findall(r'\S+', ' a bc '), re.findall(r'\D+', 'a1b22c'))
print(re.match('a*?', 'aaa'), re.match('(a+?)(a*)', 'aaa').groups(), re.match('(a|ab)(c|bcd)(d*)', 'abcd').groups(), re.match('a{2,3}?', 'aaaa'))
print(re.match(r'(?>a+)a', 'aaa'), re.match(r'a++b', 'aab'), re.match(r'a*+a', 'aaa'), re.match(r'(?:ab)*+c', 'ababc'), re.findall('a{,2}', 'aaaaa'), re.findall('x{2}', 'xxxxx'))
print(re.search(r'(?<=-)\w+', 'x-yz'), re.search(r'(?<!-)\b\w+', '-ab cd'), re.findall(r'\w+(?=!)', 'hi! no yes!'), re.findall(r'\b(?!no)\w+', 'hi no yes'))
print(re.match(r'(\w)\1', 'aa'), re.match(r'(?P<q>[\'"]).*?(?P=q)', '"hi" x"'), re.findall(r'(\w+) \1', 'the the cat cat dog'), re.match(r'(?i)(a)\1', 'aA'))
print(re.match(r'(a)(?(1)b|c)', 'ab'), re.match(r'(a)?(?(1)b|c)', 'c'), re.findall(r'(<)?\w+(?(1)>)', '<a> b <c'), re.match(r'(?#comment)a(?#x)b', 'ab'))
print(re.match(r'(?:(a)|b)*', 'ab').groups(), re.match(r'(a*)*', 'aa').groups(), re.match(r'(a|b)*?c', 'abc').groups(), re.match(r'((a)|b)+', 'ab').groups())
print(re.match(r'(?x) a b # c', 'ab'), re.match(r'(?s).', '\n'), re.match(r'(?m)^b', 'a\nb'), re.search(r'(?m)^b', 'a\nb'), re.match(r'(?-i:a)', 'a', re.I), re.match(r'(?-i:a)', 'A', re.I))
print(re.match(r'(?i)straße', 'STRASSE'), re.match(r'(?i)[a-z]+', 'HeLLo'), re.match(r'(?i)[^a-z]', 'Q'), re.findall(r'(?i)k', 'kK\u212a'))

print(repr(re.I), str(re.M | re.S), re.I | re.M | re.X, re.NOFLAG, repr(re.A | re.I), int(re.I | re.M), re.I.name, re.I.value, f'{re.S}', type(re.I).__name__)
print(re.compile('a', re.I | re.M | re.S), re.compile('a', re.A), re.compile(r'a\nb', re.U), re.compile('(?i)x'), re.compile('(?x)a').flags, re.compile('ab', re.VERBOSE | re.DOTALL))
print(re.compile('x' * 250) == re.compile('x' * 250), len(repr(re.compile('x' * 250))), re.compile('a') == re.compile('a', re.I))
print(re.I | 2, re.I & re.M, re.DOTALL | re.IGNORECASE, re.ASCII | re.MULTILINE)
