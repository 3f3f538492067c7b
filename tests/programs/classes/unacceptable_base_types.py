# Built-in types a class cannot derive from (bool, range, NoneType, functions,
# iterators, views): CPython's TypeError, at the class statement.
import types
for base in [bool, range, slice, type(None), types.FunctionType, type(iter([])), type({}.keys()), types.GeneratorType, types.MappingProxyType, int, list, type, zip, enumerate, property, BaseException, types.SimpleNamespace, types.ModuleType]:
    try:
        C = type("C", (base,), {})
        print("ok", base.__name__)
    except TypeError as e:
        print(e)
try:
    class E(bool):
        pass
except TypeError as e:
    print(e)
