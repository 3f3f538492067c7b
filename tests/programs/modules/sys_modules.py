# sys.modules maps the names of the modules imported so far to the modules.
import sys
import math
print('sys' in sys.modules, sys.modules['sys'] is sys, sys.modules['math'] is math, sys.modules['__main__'].__name__)
print(type(sys.modules).__name__, 'json' in sys.modules)
import json
print('json' in sys.modules, sys.modules['json'] is json)
print(sys.modules[__name__] is sys.modules['__main__'])
