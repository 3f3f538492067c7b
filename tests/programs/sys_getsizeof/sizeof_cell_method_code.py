import sys

def outer():
    value = [1]
    def inner():
        return value
    return inner

closure = outer()
print(sys.getsizeof(closure.__closure__[0]))
print(sys.getsizeof(closure.__closure__))
class K:
    def m(self):
        pass
print(sys.getsizeof(K().m))
def trivial():
    pass
print(sys.getsizeof(trivial.__code__))
