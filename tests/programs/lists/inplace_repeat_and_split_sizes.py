# l *= n grows the list itself (another name for it sees the change), with the
# capacity list_resize gives; split() makes a list of 12 up front and splitlines() grows
# one by appends, so their sizes are CPython's.
import sys
for s in ['', 'a', 'a b c', ' '.join('x'*12), ' '.join('x'*13), ' '.join('x'*30)]:
    print(len(s.split()), sys.getsizeof(s.split()), sys.getsizeof(s.split(' ')) if s else '-', sys.getsizeof(s.rsplit()), sys.getsizeof(s.encode().split()), sys.getsizeof(s.splitlines()))
l = [1, 2, 3]
m = l
l *= 10
print(m is l, len(m), sys.getsizeof(l))
l *= 1
print(sys.getsizeof(l))
l *= 0
print(m, sys.getsizeof(m))
t = (1,)
u = t
t *= 2
print(u is t, u, t)
import sys
for s in ["a", "a\nb", "a\nb\nc\nd\ne", "\n".join("x"*20)]:
    print(sys.getsizeof(s.splitlines()))
