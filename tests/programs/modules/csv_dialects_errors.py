import csv
import io

print(sorted(csv.list_dialects()))
d = csv.get_dialect('excel')
for name in ('delimiter', 'doublequote', 'escapechar', 'lineterminator', 'quotechar',
             'quoting', 'skipinitialspace', 'strict'):
    print(name, repr(getattr(d, name)))
print(type(d).__name__, type(d).__module__)
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE)

csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
print(sorted(csv.list_dialects()))
p = csv.get_dialect('pipes')
print(p.delimiter, p.quoting, repr(p.lineterminator))
out = io.StringIO()
csv.writer(out, 'pipes').writerow(['a', 'b'])
print(repr(out.getvalue()))
print(list(csv.reader(['"a"|"b"'], 'pipes')))
csv.unregister_dialect('pipes')
print(sorted(csv.list_dialects()))

class Semi(csv.Dialect):
    delimiter = ';'
    quotechar = "'"
    doublequote = True
    skipinitialspace = True
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
csv.register_dialect('semi', Semi)
print(list(csv.reader(["a; 'b;c'; d"], 'semi')))
print(csv.get_dialect('semi').skipinitialspace, Semi._valid, Semi()._valid)
csv.register_dialect('semi2', 'semi', delimiter=':')
print(csv.get_dialect('semi2').delimiter, csv.get_dialect('semi2').quotechar)

# keyword arguments override a dialect; quotechar=None turns quoting off
r = csv.reader([], 'excel', delimiter='\t')
print(repr(r.dialect.delimiter), r.dialect is d)
print(csv.reader([], d).dialect is d)
print(csv.reader([], quotechar=None).dialect.quoting)

def attempt(f):
    try:
        f()
        print('ok')
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(lambda: csv.get_dialect('nope'))
attempt(lambda: csv.unregister_dialect('nope'))
attempt(lambda: csv.register_dialect(42))
attempt(lambda: csv.reader([], 'nope'))
attempt(lambda: csv.reader([], delimiter=''))
attempt(lambda: csv.reader([], delimiter='::'))
attempt(lambda: csv.reader([], delimiter=None))
attempt(lambda: csv.reader([], delimiter=0))
attempt(lambda: csv.reader([], quotechar='ab'))
attempt(lambda: csv.reader([], quotechar=5))
attempt(lambda: csv.reader([], escapechar='ab'))
attempt(lambda: csv.reader([], lineterminator=5))
attempt(lambda: csv.reader([], lineterminator=None))
attempt(lambda: csv.reader([], quoting=9))
attempt(lambda: csv.reader([], quoting='all'))
attempt(lambda: csv.reader([], quotechar=None, quoting=csv.QUOTE_ALL))
attempt(lambda: csv.reader([], bogus=1))
attempt(lambda: csv.reader(5))
attempt(lambda: csv.reader())
attempt(lambda: setattr(d, 'delimiter', ';'))

class Bad(csv.Dialect):
    delimiter = 'xx'
attempt(Bad)
attempt(csv.Dialect)
print(issubclass(csv.Error, Exception), csv.Error.__module__)

# field_size_limit
print(csv.field_size_limit())
print(csv.field_size_limit(8))
attempt(lambda: list(csv.reader(['short,waytoolongfield'])))
attempt(lambda: list(csv.reader(['"12345678"'])))
print(list(csv.reader(['12345678'])))
print(csv.field_size_limit(131072))
attempt(lambda: csv.field_size_limit('big'))
