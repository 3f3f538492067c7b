# weakref.WeakMethod, the usual fix for observers that keep their subscribers alive: it
# lives while both the object and the function do, and gives a fresh bound method.
import gc
import weakref


class Button:
    def __init__(self):
        self.handlers = []

    def subscribe(self, method):
        self.handlers.append(weakref.WeakMethod(method, lambda r: print("a handler died")))

    def click(self):
        for h in self.handlers:
            m = h()
            if m is not None:
                m("click")


class Logger:
    def __init__(self, name):
        self.name = name

    def on_event(self, what):
        print(self.name, "got", what)


button = Button()
log = Logger("log")
button.subscribe(log.on_event)
button.click()
w1, w2 = weakref.WeakMethod(log.on_event), weakref.WeakMethod(log.on_event)
print(w1 == w2, w1 != w2, hash(w1) == hash(log), w1() == log.on_event, w1() is log.on_event)
del log
button.click()
print(button.handlers[0](), w1(), w1 == w2)
try:
    weakref.WeakMethod(print)
except TypeError as e:
    print(e)
