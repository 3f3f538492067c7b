# types: SimpleNamespace, the names of the interpreter's types, and GenericAlias / UnionType,
# which list[int] and int | None make.
import types, sys
ns = types.SimpleNamespace(a=1, b='x'); print(ns, ns.a, ns == types.SimpleNamespace(b='x', a=1)); ns.c = 3; print(ns, vars(ns))
print(types.SimpleNamespace())
print(type(list[int]), types.FunctionType, types.NoneType, types.ModuleType, types.BuiltinFunctionType, types.GeneratorType, types.MethodType, types.LambdaType is types.FunctionType)
print(isinstance(len, types.BuiltinFunctionType), isinstance(lambda: 0, types.FunctionType), type(int | None) is types.UnionType, list[int].__origin__, dict[str, int].__args__)
