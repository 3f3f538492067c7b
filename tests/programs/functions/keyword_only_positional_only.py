def connect(host, port=80, *, timeout=10, retries=3):
    return f"{host}:{port} t={timeout} r={retries}"

print(connect("a"))
print(connect("b", 8080, timeout=1))
try:
    connect("c", 1, 2)
except TypeError as e:
    print("TypeError:", e)

def pos_only(a, b, /, c, *, d):
    return a + b + c + d

print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
try:
    pos_only(a=1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError:", e)
try:
    pos_only(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    connect("d", color="red")
except TypeError as e:
    print("TypeError:", e)
