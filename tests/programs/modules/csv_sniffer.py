import csv
import io

s = csv.Sniffer()
samples = [
    'name,age,city\nAnn,31,Paris\nBob,45,Rome\n',
    'name;age;city\nAnn;31;Paris\nBob;45;Rome\n',
    'a\tb\tc\n1\t2\t3\n4\t5\t6\n',
    "'name', 'age'\n'Ann', '31'\n'Bob', '45'\n",
    '"a","b ""x"" c"\n"1","2"\n',
    'x:y:z\n1:2:3\n',
]
for sample in samples:
    d = s.sniff(sample)
    print(repr(d.delimiter), repr(d.quotechar), d.doublequote, d.skipinitialspace,
          repr(d.lineterminator), d.quoting)
    print(s.has_header(sample))
    print(list(csv.reader(io.StringIO(sample), d)))

print(s.sniff('a|b|c\n1|2|3\n', delimiters='|').delimiter)
try:
    s.sniff('abc\ndef\n')
except csv.Error as e:
    print('Error:', e)
try:
    s.sniff('a,b\n1,2\n', delimiters=';')
except csv.Error as e:
    print('Error:', e)
