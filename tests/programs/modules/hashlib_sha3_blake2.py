# The newer hashes: SHA-3, the SHAKE functions of any length, and BLAKE2 with its
# parameters (shorter digests, a key for message authentication, salt and person).
import hashlib

for name in ['sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256',
             'blake2b', 'blake2s']:
    h = hashlib.new(name, b'abc')
    digest = h.hexdigest(16) if name.startswith('shake') else h.hexdigest()
    print(name, h.name, h.digest_size, h.block_size, type(h).__name__, digest)

# 136 bytes fill one block of SHA3-256 exactly; the padding then takes another.
print(hashlib.sha3_256(bytes(136)).hexdigest()[:16])
h = hashlib.sha3_512(b'part one, ')
fork = h.copy()
h.update(b'part two')
print(h.hexdigest() == hashlib.sha3_512(b'part one, part two').hexdigest(),
      fork.hexdigest()[:16])

print(hashlib.shake_256(b'seed').digest(10), hashlib.shake_128(b'').hexdigest(0) == '')

print(hashlib.blake2b(b'hi', digest_size=16).hexdigest())
print(hashlib.blake2b(b'message', key=b'secret key').hexdigest()[:32])
print(hashlib.blake2s(b'message', salt=b'salt', person=b'me').hexdigest())
print(hashlib.new('blake2s', b'x', digest_size=8).hexdigest())
print(hashlib.blake2b.MAX_KEY_SIZE, hashlib.blake2s.SALT_SIZE, hashlib.blake2s.PERSON_SIZE)
