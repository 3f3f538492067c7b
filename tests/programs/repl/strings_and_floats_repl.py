s1 = "hello world"
s2 = "hello world"
print(s1 is s2, s1 == s2)
w1 = "hello"
w2 = "hello"
print(w1 is w2)
f1 = 2.5
f2 = 2.5
print(f1 is f2)
t1 = (1, 2)
t2 = (1, 2)
print(t1 is t2, t1 == t2)
