def nothing():
    pass


def early(flag):
    if flag:
        return
    return 42


result = nothing()
print(result, result is None, early(True), early(False))
print(repr(None), str(None), bool(None))
print(None == None, None is None, None == 0, None == False)
values = [3, None, 0, None, ""]
print([v for v in values if v is not None])
print([v for v in values if v])
x = None
print(x or "fallback")
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
