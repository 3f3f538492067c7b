def make_multiplier(factor):
    def multiply(x):
        return x * factor
    return multiply

double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5))
print(double.__code__.co_freevars, double.__closure__[0].cell_contents)

def make_adders():
    adders = []
    for i in range(3):
        adders.append(lambda x: x + i)
    return adders

print([f(10) for f in make_adders()])

def make_adders_fixed():
    return [lambda x, i=i: x + i for i in range(3)]

print([f(10) for f in make_adders_fixed()])

def outer():
    value = "before"
    def show():
        return value
    value = "after"
    return show

print(outer()())
print(make_multiplier.__closure__)
