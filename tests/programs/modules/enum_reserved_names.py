# Which names in an Enum class body become members, and which are refused.
from enum import Enum, member, nonmember


def attempt(make):
    try:
        cls = make()
        print('made', cls, [m.name for m in cls])
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)


def reserved_sunder():
    class Color(Enum):
        RED = 1
        _colour_ = 'mine'           # _sunder_ names belong to Enum
    return Color


def named_mro():
    class Method(Enum):
        GET = 1
        mro = 2                     # would hide type.mro()
    return Method


def named_mro_functional():
    return Enum('Method', [('GET', 1), ('mro', 2)])


def wrong_order():
    class Color(Enum):
        _order_ = 'RED BLUE GREEN'
        RED = 1
        GREEN = 2
        BLUE = 3
    return Color


def old_order_spelling():
    class Color(Enum):
        __order__ = 'RED GREEN'
        RED = 1
        GREEN = 2
    print(' ', '_order_' in Color.__dict__, '__order__' in Color.__dict__)
    return Color


def wrappers():
    class Tool(Enum):
        HAMMER = 1
        LIMIT = nonmember(10)       # a plain attribute, not a member
        helper = member(len)        # a member, though a builtin function

        @member
        def shout(text):            # a member, though a function
            return text.upper()

        _missing_ = classmethod(lambda cls, value: cls.HAMMER)
        __secret = 'private'        # name-mangled: never a member
        _ = 'underscore'            # too short for a _sunder_ name: a member
    print(' ', Tool.LIMIT, Tool.shout.value('hi'), Tool(99), Tool._Tool__secret)
    print(' ', Tool._.value, sorted(Tool.__members__))
    return Tool


for make in (reserved_sunder, named_mro, named_mro_functional, wrong_order,
             old_order_spelling, wrappers):
    print(make.__name__)
    attempt(make)

print('a reserved name outside try:')


class Oops(Enum):
    A = 1
    _generate_next_value = 2        # ends with no underscore: a member
    _gnv_ = 3                       # reserved


print('not reached')
