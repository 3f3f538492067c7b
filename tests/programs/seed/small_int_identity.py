a = 5
b = 5
print(a is b) # Output: True
c = 1000
d = 1000
print(c is d) # Output: False
