class Stack(list):
    pass
print(list[int], dict[str, int], tuple[int, ...], set[str], frozenset[int])
print(Stack[int], list.__class_getitem__(int), '__class_getitem__' in dir([]), '__class_getitem__' in dir({}))
print(list[int]([1, 2]), type(list[int]).__name__, list[int].__origin__, dict[str, int].__args__)
def f(x: list[int]) -> dict[str, list[int]]:
    return {}
print(f.__annotations__)
try:
    int[str]
except TypeError as e:
    print(e)
