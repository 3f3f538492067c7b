# memoryview is not in refscope yet: it must stop with a clear message.
data = bytearray(b"abc")
view = memoryview(data)
print(view[0])
