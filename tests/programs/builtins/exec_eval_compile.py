# exec(), eval() and compile(): source compiled while the program runs, in the caller's
# namespaces or in dicts given, and the errors it raises.
import sys
x = eval("1 + 2 * 3")
print(x, eval("  x * 2"), eval(b"x - 1"))
exec("y = x + 1\nprint('y is', y)")
print(y)
def f(a):
    b = a * 2
    print(eval("a + b"))
    exec("b = 100; c = 5")
    print(b)
    return eval("b + 1")
print(f(3))
ns = {"z": 10}
exec("w = z * 2\ndef g():\n    return w + 1\n", ns)
print(sorted(k for k in ns if k != "__builtins__"), ns["w"], ns["g"]())
print("__builtins__" in ns)
print(eval("q + 1", {"q": 41}))
print(eval("p * r", {"p": 2}, {"r": 21}))
code = compile("s = 'compiled'", "<mine>", "exec")
exec(code)
print(s, type(code).__name__)
ce = compile("6 * 7", "<expr>", "eval")
print(eval(ce))
for bad in ["1 +", "x = ", "def (:", "1; 2"]:
    try:
        eval(bad)
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)
try:
    exec("1/0")
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    eval(5)
except TypeError as e:
    print("TypeError:", e)
try:
    exec("pass", 5)
except TypeError as e:
    print("TypeError:", e)
class C:
    exec("k = 7")
print(C.k)
lst = [1, 2]
print(sys.getrefcount(lst))
r = eval("lst")
print(r is lst, sys.getrefcount(lst))
print(eval("[i * i for i in range(4)]"))
print(eval("(lambda n: n + 1)(1)"))
