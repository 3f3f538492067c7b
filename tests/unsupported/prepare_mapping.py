# A metaclass's __prepare__ may return any mapping in CPython; refscope runs class bodies
# in a dict only, and must stop with a clear message when given something else.
class Namespace(dict):
    pass


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Namespace()


class C(metaclass=Meta):
    x = 1


print("never printed")
