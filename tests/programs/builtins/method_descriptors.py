"""A built-in type's method looked up on the type is a method_descriptor."""
import types
print(list.append, str.join, repr(dict.fromkeys)[:36], type(list.append).__name__, type(str.upper).__name__)
print(type([].append).__name__, [].append.__name__, list.append.__name__, list.append.__qualname__)
print(list.append([1], 2), callable(list.append))
print(type(str.join) is types.MethodDescriptorType if hasattr(types, 'MethodDescriptorType') else 'no')
