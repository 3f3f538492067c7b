# hashlib as a student uses it: fingerprints of passwords and files, checked by hand.
import hashlib

password = 'correct horse battery staple'
print(hashlib.sha256(password.encode()).hexdigest())
print(hashlib.md5(b'').hexdigest(), hashlib.sha1(b'abc').hexdigest())

for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    h = hashlib.new(name, b'The quick brown fox jumps over the lazy dog')
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())

# Feeding the data in pieces gives the same digest; copy() forks the state.
h = hashlib.sha512()
for piece in [b'a' * 100, bytearray(b'b' * 50), memoryview(b'c' * 30)]:
    h.update(piece)
fork = h.copy()
fork.update(b'!')
print(h.hexdigest() == hashlib.sha512(b'a' * 100 + b'b' * 50 + b'c' * 30).hexdigest())
print(fork.hexdigest() != h.hexdigest(), len(h.digest()), type(h.digest()).__name__)

# Block boundaries: where the padding needs one more block (55/56 bytes for MD5 and
# SHA-256, 111/112 for SHA-384) or the data fills a block exactly.
for n in [55, 56, 64]:
    data = bytes(range(n))
    print(n, hashlib.md5(data).hexdigest()[:12], hashlib.sha256(data).hexdigest()[:12])
for n in [111, 112]:
    print(n, hashlib.sha384(bytes(n)).hexdigest()[:12])
print(hashlib.new('SHA256').name, hashlib.sha224().digest_size)
print(type(hashlib.md5()).__name__, type(hashlib.sha256()).__name__)
