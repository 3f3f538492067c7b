# A name can be a member only once: the class body's namespace (an _EnumDict
# made by EnumType.__prepare__) refuses the second assignment at once.
from enum import Enum, nonmember


def attempt(make):
    try:
        cls = make()
        print('made', cls, list(cls))
    except TypeError as e:
        # a function's repr holds its address: keep only the part before it
        print('TypeError:', str(e).split(' at 0x')[0])


def same_member_twice():
    class Color(Enum):
        RED = 1
        GREEN = 2
        RED = 3
        print('not reached')
    return Color


def member_then_method():
    class Color(Enum):
        RED = 1

        def RED(self):
            return 'a method'
    return Color


def method_then_member():
    class Color(Enum):
        def RED(self):
            return 'a method'
        RED = 1
    return Color


def nonmember_then_member():
    class Color(Enum):
        RED = nonmember('plain')
        RED = 2
    return Color


def dunders_and_private_names_may_repeat():
    class Color(Enum):
        RED = 1
        __doc__ = 'first'
        __doc__ = 'second'
        __secret = 'a'
        __secret = 'b'

        def describe(self):
            return 'one'

        def describe(self):             # methods may be redefined too
            return 'two'
    print(Color.__doc__, Color._Color__secret, Color.RED.describe())
    return Color


attempt(same_member_twice)
attempt(member_then_method)
attempt(method_then_member)
attempt(nonmember_then_member)
attempt(dunders_and_private_names_may_repeat)

# the functional API goes through the same namespace
attempt(lambda: Enum('Shape', [('SQUARE', 4), ('CIRCLE', 0), ('SQUARE', 5)]))
attempt(lambda: Enum('Animal', 'ANT BEE ANT'))
attempt(lambda: Enum('Animal', 'ANT BEE CAT'))

# the same *value* twice is fine: the second name is an alias
class Size(Enum):
    SMALL = 1
    LITTLE = 1
print(Size.LITTLE, list(Size), list(Size.__members__))

print('done; now a duplicate outside try:')
class Broken(Enum):
    A = 1
    B = 2
    A = 3
print('not reached')
