# re: long subjects do not deepen the call stack (the matcher keeps its own stack, so a
# loop repeated 1,700 times over a 5,100-character string is fine), and ordinary patterns
# stay linear.
import re

s = 'ab ' * 1700
print(re.match(r'(?:ab )*', s).span(), re.match(r'(ab |x)*', s[:300]).span(1), len(re.match(r'.*', 'x' * 5000).group()), re.search(r'x', 'a' * 5000 + 'x').span())
t = 'ab ' * 12
print(len(re.findall(r'\w+', t)), re.search(r'(\w+)\s*$', t).group(1), len(re.split(r'\s', t)), len(re.sub(r'(a)(b)', r'\2\1', t)))
print(re.match(r'(?:a|b| )*c', t + 'c').end(), re.fullmatch(r'[ab ]+', t) is not None)
lines = '\n'.join('line %d: value=%d' % (i, i * i) for i in range(12))
total = sum(int(v) for v in re.findall(r'value=(\d+)', lines))
print(total, len(re.findall(r'^line', lines, re.M)), re.search(r'line 11: value=(\d+)$', lines).group(1))
print(re.match(r'(a+)+b', 'a' * 18 + 'b').span(), re.match(r'(.)*', 'q' * 50).group(1), re.match(r'\w+', 'word' * 20))
