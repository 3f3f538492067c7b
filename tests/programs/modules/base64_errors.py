# What the base64 decoders say about bad input, and which arguments they refuse.
import base64

calls = [
    ('b64decode', lambda: base64.b64decode('YWJjZ')),
    ('b64decode', lambda: base64.b64decode('YWJ')),
    ('b64decode validate', lambda: base64.b64decode('YW Jj', validate=True)),
    ('b64decode validate', lambda: base64.b64decode('YWJj=', validate=True)),
    ('b64decode', lambda: base64.b64decode('Grüße')),
    ('b64decode', lambda: base64.b64decode(3.5)),
    ('b64encode', lambda: base64.b64encode('text')),
    ('b64encode', lambda: base64.b64encode(b'x', altchars=b'-')),
    ('b32decode', lambda: base64.b32decode('MZXW6')),
    ('b32decode', lambda: base64.b32decode('MZXW6===', map01=None).decode()),
    ('b32decode', lambda: base64.b32decode('mzxw6===')),
    ('b32decode', lambda: base64.b32decode('M=======')),
    ('b32decode', lambda: base64.b32decode('MZ1W6===')),
    ('b32encode', lambda: base64.b32encode('text')),
    ('b16decode', lambda: base64.b16decode('cafe')),
    ('b16decode', lambda: base64.b16decode('CAF')),
    ('a85decode', lambda: base64.a85decode('<~abc')),
    ('a85decode', lambda: base64.a85decode('ab~cd')),
    ('a85decode', lambda: base64.a85decode('abzcd')),
    ('a85decode', lambda: base64.a85decode('s8W-"')),
    ('a85decode', lambda: base64.a85decode('aby', foldspaces=True)),
    ('b85decode', lambda: base64.b85decode('ab"cd')),
    ('b85decode', lambda: base64.b85decode('|||||')),
    ('encodebytes', lambda: base64.encodebytes('text')),
    ('decodebytes', lambda: base64.decodebytes('YWJj')),
]
for label, call in calls:
    try:
        print(label, repr(call()))
    except Exception as e:
        print(label, type(e).__name__, e)

try:
    base64.b64decode('!!')
except ValueError as e:
    print('a binascii.Error is a ValueError:', isinstance(e, base64.binascii.Error))
