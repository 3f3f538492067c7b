# Arguments that reach object.__new__ or object.__init__: which class
# definitions accept them, and the TypeError CPython gives for the others.
class Plain:
    pass


class NewPassesThem:
    def __new__(cls, *args):
        return super().__new__(cls, *args)


class NewDropsThem:
    def __new__(cls, *args):
        return super().__new__(cls)


class InitPassesThem:
    def __init__(self, *args):
        super().__init__(*args)


class InitTakesThem:
    def __init__(self, x):
        self.x = x


class ExplicitObjectNew:
    def __init__(self, x):
        self.x = x


attempts = [
    ("Plain(1)", lambda: Plain(1)),
    ("Plain(x=1)", lambda: Plain(x=1)),
    ("object(1)", lambda: object(1)),
    ("NewPassesThem(1)", lambda: NewPassesThem(1)),
    ("NewPassesThem()", lambda: NewPassesThem()),
    ("NewDropsThem(1)", lambda: NewDropsThem(1)),
    ("InitPassesThem(1)", lambda: InitPassesThem(1)),
    ("InitTakesThem(1)", lambda: InitTakesThem(1)),
    ("object.__new__(Plain, 1)", lambda: object.__new__(Plain, 1)),
    ("object.__new__(ExplicitObjectNew, 1)", lambda: object.__new__(ExplicitObjectNew, 1)),
]
for text, make in attempts:
    try:
        obj = make()
        print(f"{text}: {type(obj).__name__}")
    except TypeError as e:
        print(f"{text}: TypeError: {e}")
