import csv
import io

text = 'name,dept,salary\nAnn,eng,100\nBob,ops,90\n\nCy,eng\nDee,eng,80,extra,more\n'
r = csv.DictReader(io.StringIO(text))
print(r.fieldnames, r.line_num)
for row in r:
    print(r.line_num, row)

r = csv.DictReader(io.StringIO(text), restkey='rest', restval='?')
print([row for row in r])

r = csv.DictReader(['1,2', '3,4'], fieldnames=['a', 'b'])
print(list(r))
print(csv.DictReader([]).fieldnames)

# totals per department, as a lesson does
totals = {}
for row in csv.DictReader(io.StringIO(text), restval='0'):
    totals[row['dept']] = totals.get(row['dept'], 0) + int(row['salary'])
print(totals)

out = io.StringIO()
w = csv.DictWriter(out, fieldnames=['name', 'score'])
print(w.writeheader())
w.writerow({'name': 'Ann', 'score': 9})
w.writerows([{'name': 'Bob'}, {'score': 3, 'name': 'Cy, Jr.'}])
print(repr(out.getvalue()))

out = io.StringIO()
w = csv.DictWriter(out, ['a', 'b'], restval='-', extrasaction='ignore', delimiter='|')
w.writerow({'a': 1, 'c': 3})
print(repr(out.getvalue()))

try:
    csv.DictWriter(io.StringIO(), ['a']).writerow({'a': 1, 'zz': 2})
except ValueError as e:
    print('ValueError:', e)
try:
    csv.DictWriter(io.StringIO(), ['a'], extrasaction='drop')
except ValueError as e:
    print('ValueError:', e)

# round trip
out = io.StringIO()
people = [{'n': 'x,y', 'v': 'q"r'}, {'n': 'multi\nline', 'v': ''}]
w = csv.DictWriter(out, ['n', 'v'])
w.writeheader()
w.writerows(people)
print(list(csv.DictReader(io.StringIO(out.getvalue()))) == people)
