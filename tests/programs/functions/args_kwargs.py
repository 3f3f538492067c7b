def show(*args, **kwargs):
    print("args:", args, "kwargs:", kwargs)

show()
show(1, 2, 3)
show(a=1, b=2)
show(1, *[2, 3], x=4, **{"y": 5})

def total(first, *rest):
    return first + sum(rest)

print(total(1), total(1, 2, 3))
nums = [4, 5, 6]
print(total(*nums))

def config(**options):
    return sorted(options.items())

print(config(debug=True, level=3))
settings = {"sep": "-", "end": "!\n"}
print("a", "b", **settings)
try:
    show(**{"a": 1}, a=2)
except TypeError as e:
    print("TypeError:", e)
