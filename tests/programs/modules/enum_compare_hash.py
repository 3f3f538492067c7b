# Members are singletons: compare them with `is`; they are not ordered.
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Number(Enum):
    ONE = 1


print(Color.RED is Color.RED, Color.RED is not Color.BLUE)
print(Color.RED == Color.RED, Color.RED == Color.GREEN, Color.RED != Color.BLUE)
print(Color.RED == 1, Color.RED.value == 1, Color.RED == Number.ONE)
print(Color(1) is Color.RED, Color['RED'] is Color.RED)
print(hash(Color.RED) == hash('RED'))

try:
    Color.RED < Color.GREEN
except TypeError as e:
    print('TypeError:', e)
print(sorted(Color, key=lambda c: -c.value))

# members work as dict keys and in sets
hex_code = {Color.RED: '#f00', Color.GREEN: '#0f0'}
hex_code[Color.BLUE] = '#00f'
print(hex_code)
print(hex_code[Color(2)], Color.BLUE in hex_code)
print({Color.RED, Color.RED, Color.GREEN} == {Color.GREEN, Color.RED})

import copy
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.BLUE])[0] is Color.BLUE)
