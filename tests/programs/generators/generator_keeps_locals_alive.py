# A suspended generator keeps its frame, and the frame keeps its locals alive.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)

def producer():
    resource = Noisy("resource")
    for i in range(3):
        yield i
    print("producer finished")

g = producer()
print("created, nothing ran yet")
print(next(g))
print(next(g))
print("dropping the suspended generator")
del g
print("after del")

g = producer()
print(list(g))
print("exhausted generator still bound")
del g

def finite():
    temp = Noisy("temp")
    yield "only"

for value in finite():
    print("got", value)
print("loop done")
