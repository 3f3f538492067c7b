import csv
import io

out = io.StringIO()
w = csv.writer(out)
print(w.writerow(['name', 'age', 'note']))
print(w.writerow(['Ann', 31, 'likes "quotes"']))
print(w.writerow(['Bob', None, 'a,b']))
print(w.writerow(['Cy', 2.5, 'two\nlines']))
w.writerows([[1, 2], [], [''], ['', ''], [True, -3]])
print(repr(out.getvalue()))

# the four quoting modes
for q in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE):
    out = io.StringIO()
    w = csv.writer(out, quoting=q, escapechar='\\')
    w.writerow(['a', 1, 2.5, None, 'b c', 'd,e', 'f"g', ''])
    print(q, repr(out.getvalue()))

# the unix dialect and a custom lineterminator
out = io.StringIO()
csv.writer(out, dialect='unix').writerow(['x', 1])
csv.writer(out, lineterminator='|').writerow(['y', 'a|b'])
csv.writer(out, csv.unix_dialect, quoting=csv.QUOTE_MINIMAL).writerow(['z', 'q'])
print(repr(out.getvalue()))

# escapechar with doublequote off
out = io.StringIO()
w = csv.writer(out, escapechar='\\', doublequote=False)
w.writerow(['say "hi"', 'back\\slash', 'plain'])
w = csv.writer(out, escapechar='\\', quoting=csv.QUOTE_NONE)
w.writerow(['a,b', 'c\nd', 'e\\f', 'g"h'])
print(repr(out.getvalue()))

# errors
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b'])
except csv.Error as e:
    print('Error:', e)
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow([''])
except csv.Error as e:
    print('Error:', e)
try:
    csv.writer(io.StringIO(), doublequote=False).writerow(['"'])
except csv.Error as e:
    print('Error:', e)
try:
    csv.writer(io.StringIO()).writerow(5)
except csv.Error as e:
    print('Error:', e)
try:
    csv.writer(io.StringIO()).writerows(5)
except TypeError as e:
    print('TypeError:', e)
try:
    csv.writer([])
except TypeError as e:
    print('TypeError:', e)

# any object with a write method
class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return 'written'
s = Sink()
w = csv.writer(s, delimiter=';')
print(w.writerow(('a', 'b;c')), w.writerows([[1], [2]]), s.parts)

# write then read back
out = io.StringIO()
rows = [['a', 'b,c', 'd"e', 'f\r\ng', ''], ['', 'x'], ['  lead', 'trail  ']]
csv.writer(out).writerows(rows)
print(list(csv.reader(io.StringIO(out.getvalue()))) == rows)
print(type(csv.writer(out)).__name__, csv.writer(out).dialect.quoting)
