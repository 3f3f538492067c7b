# A caught exception holds its traceback, the traceback holds the frames, and the
# frames hold their locals: they stay alive until the `except ... as e` name goes.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)

def fail():
    local = Noisy("local of fail")
    raise ValueError("boom")

try:
    fail()
except ValueError as e:
    print("in except:", e)
print("after except")

saved = None
try:
    fail()
except ValueError as e:
    saved = e
print("saved the exception")
saved = None
print("dropped it")

def no_exception():
    local = Noisy("local of no_exception")
    return "returned"

print(no_exception())
