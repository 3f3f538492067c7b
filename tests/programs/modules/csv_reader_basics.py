import csv
import io

# a list of strings
rows = list(csv.reader(['name,age,city', 'Ann,31,"New York, NY"', 'Bob,,Paris']))
print(rows)

# io.StringIO, with a quoted field holding newlines and doubled quotes
data = 'id,text\r\n1,"line one\r\nline two"\r\n2,"she said ""hi"""\r\n3,plain\r\n'
r = csv.reader(io.StringIO(data))
for row in r:
    print(r.line_num, row)
print(r.dialect.delimiter, repr(r.dialect.lineterminator))

# blank lines give empty rows
print(list(csv.reader(['a,b', '', 'c'])))
print(list(csv.reader(io.StringIO('a\n\nb\n'))))

# other delimiters, and the tab dialect
print(list(csv.reader(['a;b;c', '1;2;3'], delimiter=';')))
print(list(csv.reader(['a\tb\t"c\td"'], dialect='excel-tab')))
print(list(csv.reader(['a\tb'], csv.excel_tab)))

# skipinitialspace
print(list(csv.reader(['a, b,  "c, d"'])))
print(list(csv.reader(['a, b,  "c, d"'], skipinitialspace=True)))

# escapechar and doublequote=False
print(list(csv.reader([r'a\,b,c\"d'], escapechar='\\')))
print(list(csv.reader([r'"a\"b",c'], escapechar='\\', doublequote=False)))
print(list(csv.reader(['"a""b",c'], doublequote=False)))

# quoting
print(list(csv.reader(['1,"two",3.5,-4e2'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(['"a","b"'], quoting=csv.QUOTE_NONE)))
print(list(csv.reader(["'a,b',c"], quotechar="'")))

# a quoted field left open at the end of the data
print(list(csv.reader(['"unterminated', 'more'])))
try:
    list(csv.reader(['"unterminated'], strict=True))
except csv.Error as e:
    print('Error:', e)

# strict: a character after a closing quote
print(list(csv.reader(['"a"b,c'])))
try:
    list(csv.reader(['"a"b,c'], strict=True))
except csv.Error as e:
    print('Error:', e)

# a newline inside an unquoted field
try:
    list(csv.reader(['a\nb,c']))
except csv.Error as e:
    print('Error:', e)

# bytes are refused
try:
    list(csv.reader([b'a,b']))
except csv.Error as e:
    print('Error:', e)

# a number that is not one
try:
    list(csv.reader(['1,abc'], quoting=csv.QUOTE_NONNUMERIC))
except ValueError as e:
    print('ValueError:', e)

# line_num counts lines read, not records
r = csv.reader(io.StringIO('a,"b\nc"\nd\n'))
print(r.line_num)
for row in r:
    print(r.line_num, row)

# reading a file-like's lines and next()
r = csv.reader(io.StringIO('x,y\n1,2\n'))
print(next(r), next(r))
try:
    next(r)
except StopIteration:
    print('StopIteration')

# a generator works as the source too
def lines():
    yield 'a,b'
    yield '"multi'
    yield 'line",z'
print(list(csv.reader(lines())))
print(type(csv.reader([])).__name__)
