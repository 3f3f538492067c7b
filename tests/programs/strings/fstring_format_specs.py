name = "Ada"
n = 42
pi = 3.14159265
print(f"{name!r} {name:>6}|{name:<6}|{name:^7}|")
print(f"{n:05d} {n:+d} {n:x} {n:X} {n:o} {n:b} {n:#x} {n:#b}")
print(f"{pi:.2f} {pi:10.3f}| {pi:e} {pi:.3g} {pi:%}")
print(f"{1234567:,} {1234567.891:,.2f} {1234567:_}")
print(f"{n:*^10} {n:=+8}")
print(f"{-n:5}|{n:<5}|")
print(f"{0.5:.0%} {1e-7:g} {1e16:g} {123.0:g}")
width, prec = 10, 2
print(f"{pi:{width}.{prec}f}|")
print(f"{'nested'!s:>{width}}|")
print(f"{n=} {pi=:.1f}")
print(f"{{braces}} {n * 2} {[n, n]}")
print(f"{True} {None} {3 + 4j}")
