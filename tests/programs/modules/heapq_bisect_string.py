# heapq keeps CPython's order item for item; bisect with lo, hi and key; string's constants.
import heapq, bisect, string
data = [5, 1, 8, 3, 9, 2, 7, 4, 6, 0, 5, 3]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(4)], h)
d2 = list(data); heapq.heapify(d2); print(d2)
print(heapq.heapreplace(d2, 10), d2)
print(heapq.heappushpop(d2, -1), heapq.heappushpop(d2, 4), d2)
print(heapq.nsmallest(3, data), heapq.nlargest(3, data), heapq.nlargest(2, ['a', 'bbb', 'cc'], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge(['c', 'a'], ['b'], reverse=True)))
print(list(heapq.merge([1, 3], [2], key=lambda x: -x)))
tasks = []
heapq.heappush(tasks, (2, 'write'))
heapq.heappush(tasks, (1, 'plan'))
heapq.heappush(tasks, (3, 'test'))
while tasks:
    print(heapq.heappop(tasks))
try:
    heapq.heappop([])
except IndexError as e:
    print(e)
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 2))
bisect.insort(a, 3); bisect.insort_left(a, 4); print(a)
recs = [(1, 'a'), (3, 'b'), (5, 'c')]
print(bisect.bisect_left(recs, 3, key=lambda r: r[0]))
bisect.insort(recs, (4, 'z'), key=lambda r: r[0]); print(recs)
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print(e)
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords('hello   wide world'), string.capwords('a-b-c', '-'))
