# Mistakes with hashlib and what CPython says about them.
import hashlib

calls = [
    lambda: hashlib.sha256('text'),
    lambda: hashlib.md5(12),
    lambda: hashlib.md5(None),
    lambda: hashlib.sha1().update('more text'),
    lambda: hashlib.sha1().update(),
    lambda: hashlib.new('sha257'),
    lambda: hashlib.new(256),
    lambda: hashlib.md5(b'a', b'b'),
    lambda: hashlib.md5(b'a', string=b'b'),
    lambda: hashlib.sha256(data=b'x'),
    lambda: hashlib.shake_128(b'x').hexdigest(),
    lambda: hashlib.blake2b(digest_size=65),
    lambda: hashlib.blake2s(key=b'k' * 33),
    lambda: hashlib.blake2b(salt=b's' * 17),
    lambda: hashlib.blake2s(person=b'p' * 9),
    lambda: hashlib.blake2b(b'a', b'b'),
    lambda: hashlib.blake2b(colour='red'),
    lambda: hashlib.blake2b('text'),
    lambda: hashlib.blake2b(key='text'),
]
for call in calls:
    try:
        print(repr(call()))
    except Exception as e:
        print(type(e).__name__, e)

print(hashlib.md5(string=b'ok').hexdigest(), hashlib.sha1(usedforsecurity=False).name)
print(hashlib.new('md5', data=b'ok').hexdigest() == hashlib.md5(b'ok').hexdigest())
print('md5' in hashlib.algorithms_available, 'sha3_512' in hashlib.algorithms_guaranteed)
