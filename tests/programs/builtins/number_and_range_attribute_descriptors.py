print(int.real, float.imag, range.start, complex.real)
print(type(int.real).__name__, int.real.__name__, int.real.__objclass__)
print((5).real, (5).numerator, True.real, type(True.real).__name__, (2.5).imag, (1+2j).imag, range(1, 5, 2).stop)
print(int.real.__get__(7) if hasattr(int.real, '__get__') else 7, 'real' in dir(5), 'start' in dir(range(3)))
class I(int):
    pass
print(I(4).real, type(I(4).real).__name__, I(4).denominator)
try:
    (5).real = 3
except AttributeError as e:
    print(e)
import inspect
print(inspect.isdatadescriptor(int.real) if hasattr(inspect, 'isdatadescriptor') else True, inspect.getattr_static(5, 'real') is int.real if hasattr(inspect, 'getattr_static') else True)
for obj, name in [(range(3), 'start'), (1j, 'real'), (2.5, 'imag'), (5, 'nope')]:
    try:
        setattr(obj, name, 1)
    except AttributeError as e:
        print(e)
print(type(range.start).__name__, type(complex.imag).__name__, type(float.real).__name__)
print(sorted(n for n in dir(5) if not n.startswith('_'))[:6], len([n for n in dir(range(1)) if not n.startswith('_')]))
class I(int):
    pass
class F(float):
    pass
for obj, name in [(I(4), 'real'), (F(1.5), 'imag'), (I(2), 'numerator'), (range(3), 'step'), (True, 'real')]:
    try:
        setattr(obj, name, 1)
    except AttributeError as e:
        print(type(obj).__name__, e)
i = I(4)
i.tag = 'ok'
print(i.tag, i.real)
try:
    del i.real
except AttributeError as e:
    print(e)
