# Random rows and dialect settings (a fixed linear congruential generator, so python3
# and refscope draw the same ones): each case writes rows, reads them back, and reads
# random text, printing the rows, the line numbers and any error.
import csv
import io

state = [12345]
def rand(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return (state[0] >> 8) % n

def pick(seq):
    return seq[rand(len(seq))]

ALPHABET = ['a', 'b', ',', ';', '"', "'", '\\', ' ', '\n', '\r', '\t', '|', '1', '2.5']
def text(n):
    return ''.join(pick(ALPHABET) for _ in range(rand(n + 1)))

def dialect():
    kw = {}
    if rand(2): kw['delimiter'] = pick([',', ';', '\t', ' ', '|', '"', '\\'])
    if rand(2): kw['quotechar'] = pick(['"', "'", '|', None])
    if rand(2): kw['escapechar'] = pick(['\\', None, '|', '"'])
    if rand(2): kw['doublequote'] = bool(rand(2))
    if rand(2): kw['skipinitialspace'] = bool(rand(2))
    if rand(2): kw['strict'] = bool(rand(2))
    if rand(2): kw['quoting'] = rand(4)
    if rand(2): kw['lineterminator'] = pick(['\r\n', '\n', '\r', '|'])
    return kw

def read_all(source, kw):
    out = []
    r = csv.reader(source, **kw)
    try:
        for row in r:
            out.append((r.line_num, row))
    except (csv.Error, ValueError) as e:
        out.append((r.line_num, type(e).__name__, str(e)))
    return out

for case in range(50):
    kw = dialect()
    try:
        csv.reader([], **kw)
    except TypeError as e:
        print(case, 'TypeError', e)
        continue
    rows = [[pick([text(6), None, 7, 2.5, ''])
             for _ in range(rand(4))] for _ in range(1 + rand(3))]
    out = io.StringIO()
    w = csv.writer(out, **kw)
    for row in rows:
        try:
            w.writerow(row)
        except csv.Error as e:
            print(case, 'write', e)
    written = out.getvalue()
    print(case, repr(written))
    print(case, read_all(io.StringIO(written), kw))
    raw = text(40)
    print(case, read_all(raw.splitlines(True), kw))
