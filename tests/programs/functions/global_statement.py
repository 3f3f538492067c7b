total = 0
calls = []

def add(n):
    global total
    total += n
    calls.append(n)

def shadow():
    total = -1
    return total

add(5)
add(7)
print(total, calls, shadow(), total)

def create():
    global created
    created = "made at run time"

create()
print(created)

def read_before_assign():
    print(total)
    total = 1

try:
    read_before_assign()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)
