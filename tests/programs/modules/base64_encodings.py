# The base64 module as a teacher shows it: the same bytes in every encoding, and back.
import base64
import binascii

message = 'Grüße, world!'.encode('utf-8')
for name in ['b64', 'urlsafe_b64', 'b32', 'b32hex', 'b16', 'a85', 'b85']:
    encode = getattr(base64, name + 'encode')
    decode = getattr(base64, name + 'decode')
    encoded = encode(message)
    print(name, encoded, decode(encoded) == message, decode(encoded.decode('ascii')) == message)

for n in range(7):
    data = bytes(range(250, 250 + n))
    print(n, base64.b64encode(data), base64.urlsafe_b64encode(data), base64.b32encode(data),
          base64.b85encode(data), base64.a85encode(data))

print(base64.b64encode(b'\xfb\xff\xfe', altchars=b'-_'), base64.b64decode('-__-', altchars='-_'))
print(base64.standard_b64encode(bytearray(b'abc')), base64.standard_b64decode(memoryview(b'YWJj')))
print(base64.b64decode('YW Jj\nZA=='), base64.b64decode(b'YWJjZA==trailing'))
print(base64.b32decode('mzxw6==='.upper()), base64.b32decode('mzxw6===', casefold=True))
print(base64.b32decode('0O======', map01='L'), base64.b32decode(b'I1======', map01=b'I'))
print(base64.b16decode('cafe', casefold=True), base64.b32hexdecode(b'CPNMU==='))
print(base64.a85encode(b'Hello, world!!', adobe=True, wrapcol=10))
print(base64.a85encode(b'    \0\0\0\0', foldspaces=True), base64.a85encode(b'ab', pad=True))
print(base64.a85decode('<~87cURD]i,"Ebo80~>', adobe=True), base64.a85decode(b'y z', foldspaces=True))
print(base64.b85encode(b'ab', pad=True), base64.b85decode('VPa'))
print(base64.encodebytes(bytes(range(60))))
print(base64.decodebytes(base64.encodebytes(b'x' * 100)) == b'x' * 100)
