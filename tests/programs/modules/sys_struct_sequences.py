"""sys.version_info, float_info, int_info and hash_info: tuples whose items have names,
printed as CPython's struct sequences; sys.maxunicode, byteorder, float_repr_style."""
import sys
print(sys.version_info, sys.version_info.major, sys.version_info[:2], sys.version_info >= (3, 8))
print(type(sys.version_info), type(sys.version_info).__module__, sys.version_info.n_fields)
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info, sys.hash_info.modulus, sys.maxunicode, sys.byteorder, sys.float_repr_style)
major, minor, *rest = sys.version_info
print(major, minor, rest, isinstance(sys.version_info, tuple), len(sys.float_info))
print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
