"""Secure hashes and message digests (refscope's hashlib module), written in pure
Python where CPython calls OpenSSL: md5, sha1, sha224, sha256, sha384, sha512,
sha3_224, sha3_256, sha3_384, sha3_512, shake_128, shake_256, blake2b and blake2s,
new(name, data), algorithms_guaranteed and algorithms_available.

The digests are bit-exact: the algorithms work on Python ints masked to 32 or 64
bits. As in CPython 3.11 the OpenSSL-backed objects are of type HASH (HASHXOF for the
shake functions) and blake2b/blake2s are classes of their own with all the BLAKE2
parameters (key, salt, person, tree hashing). The messages of the errors are
CPython's. algorithms_available holds only what this module implements (CPython's
also lists OpenSSL extras such as ripemd160 or sm3), new() knows the names OpenSSL
would accept for these algorithms ('SHA256', 'sha-256', 'sha3-256', ...), and
pbkdf2_hmac, scrypt and file_digest are not provided. Being interpreted, the hashes
are slow: hashing many megabytes is not what this module is for.
"""

__all__ = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b', 'blake2s',
           'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256',
           'new', 'algorithms_guaranteed', 'algorithms_available']

_M32 = 0xffffffff
_M64 = 0xffffffffffffffff


def _data_bytes(data):
    """The bytes to hash, with CPython's errors for str and for non-buffers."""
    if isinstance(data, bytes):
        return data
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, str):
        raise TypeError('Strings must be encoded before hashing')
    try:
        view = memoryview(data)
    except TypeError:
        raise TypeError('object supporting the buffer API required') from None
    return view.tobytes()


def _param_bytes(value):
    """A BLAKE2 key, salt or person: any bytes-like object."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    try:
        view = memoryview(value)
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'"
                        % type(value).__name__) from None
    return view.tobytes()


# ---------------------------------------------------------------------------
# Constants. The sine table of MD5 and the SHA-2 round constants and initial values
# (fractional parts of the cube and square roots of the first primes), from the
# standards.

_MD5_K = (
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a,
    0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
    0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
    0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8,
    0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
    0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
    0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
    0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
    0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
)
_SHA256_K = (
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
)
_SHA512_K = (
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
    0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
    0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
    0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
    0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
    0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
    0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
    0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
    0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
    0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
    0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
)
_SHA256_IV = (
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
)
_SHA224_IV = (
    0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
    0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
)
_SHA512_IV = (
    0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
    0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
)
_SHA384_IV = (
    0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
    0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4,
)

# BLAKE2's message schedule, shared by both widths.
_BLAKE2_SIGMA = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
    (14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3),
    (11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4),
    (7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8),
    (9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13),
    (2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9),
    (12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11),
    (13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10),
    (6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5),
    (10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0),
)

_MD5_SHIFTS = (7, 12, 17, 22) * 4 + (5, 9, 14, 20) * 4 + (4, 11, 16, 23) * 4 + \
    (6, 10, 15, 21) * 4


def _words(block, size, order):
    """block split into unsigned ints of size bytes."""
    return [int.from_bytes(block[i:i + size], order) for i in range(0, len(block), size)]


# ---------------------------------------------------------------------------
# The Merkle-Damgard hashes: MD5, SHA-1 and SHA-2. Each keeps the chaining words,
# the bytes of an incomplete block and the total length; digest() pads a copy.

class _MerkleDamgard:
    ORDER = 'big'           # byte order of the words and of the length
    WORD = 4                # bytes per word
    LENGTH_BYTES = 8        # bytes of the bit length appended by the padding
    block_size = 64

    def __init__(self):
        self.state = list(self.IV)
        self.pending = b''
        self.length = 0

    def update(self, data):
        self.length += len(data)
        pending = self.pending + data
        size = self.block_size
        full = len(pending) - len(pending) % size
        state = self.state
        for start in range(0, full, size):
            state = self.compress(state, pending[start:start + size])
        self.state = state
        self.pending = pending[full:]

    def final(self):
        size = self.block_size
        zeros = -(len(self.pending) + 1 + self.LENGTH_BYTES) % size
        bit_length = (self.length * 8) % (1 << (8 * self.LENGTH_BYTES))
        tail = (self.pending + b'\x80' + bytes(zeros)
                + bit_length.to_bytes(self.LENGTH_BYTES, self.ORDER))
        state = self.state
        for start in range(0, len(tail), size):
            state = self.compress(state, tail[start:start + size])
        out = b''.join(word.to_bytes(self.WORD, self.ORDER) for word in state)
        return out[:self.digest_size]

    def copy(self):
        other = object.__new__(type(self))
        other.state = list(self.state)
        other.pending = self.pending
        other.length = self.length
        return other


class _MD5(_MerkleDamgard):
    name = 'md5'
    digest_size = 16
    ORDER = 'little'
    IV = (0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476)

    @staticmethod
    def compress(state, block):
        x = _words(block, 4, 'little')
        a, b, c, d = state
        k = _MD5_K
        shifts = _MD5_SHIFTS
        for i in range(64):
            if i < 16:
                f = (b & c) | (~b & d)
                g = i
            elif i < 32:
                f = (d & b) | (~d & c)
                g = (5 * i + 1) % 16
            elif i < 48:
                f = b ^ c ^ d
                g = (3 * i + 5) % 16
            else:
                f = c ^ (b | (~d & _M32))
                g = (7 * i) % 16
            f = (f + a + k[i] + x[g]) & _M32
            s = shifts[i]
            a, d, c = d, c, b
            b = (b + (((f << s) | (f >> (32 - s))) & _M32)) & _M32
        return [(state[0] + a) & _M32, (state[1] + b) & _M32,
                (state[2] + c) & _M32, (state[3] + d) & _M32]


class _SHA1(_MerkleDamgard):
    name = 'sha1'
    digest_size = 20
    IV = (0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0)

    @staticmethod
    def compress(state, block):
        w = _words(block, 4, 'big')
        for i in range(16, 80):
            v = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
            w.append(((v << 1) | (v >> 31)) & _M32)
        a, b, c, d, e = state
        for i in range(80):
            if i < 20:
                f = (b & c) | (~b & d)
                k = 0x5a827999
            elif i < 40:
                f = b ^ c ^ d
                k = 0x6ed9eba1
            elif i < 60:
                f = (b & c) | (b & d) | (c & d)
                k = 0x8f1bbcdc
            else:
                f = b ^ c ^ d
                k = 0xca62c1d6
            t = ((((a << 5) | (a >> 27)) & _M32) + f + e + k + w[i]) & _M32
            e, d, c, b, a = d, c, ((b << 30) | (b >> 2)) & _M32, a, t
        return [(s + v) & _M32 for s, v in zip(state, (a, b, c, d, e))]


class _SHA256(_MerkleDamgard):
    name = 'sha256'
    digest_size = 32
    IV = _SHA256_IV

    @staticmethod
    def compress(state, block):
        w = _words(block, 4, 'big')
        for i in range(16, 64):
            x = w[i - 15]
            y = w[i - 2]
            s0 = ((x >> 7) | (x << 25)) ^ ((x >> 18) | (x << 14)) ^ (x >> 3)
            s1 = ((y >> 17) | (y << 15)) ^ ((y >> 19) | (y << 13)) ^ (y >> 10)
            w.append((w[i - 16] + s0 + w[i - 7] + s1) & _M32)
        a, b, c, d, e, f, g, h = state
        k = _SHA256_K
        for i in range(64):
            s1 = (((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21))
                  ^ ((e >> 25) | (e << 7))) & _M32
            ch = (e & f) ^ (~e & g)
            t1 = (h + s1 + ch + k[i] + w[i]) & _M32
            s0 = (((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19))
                  ^ ((a >> 22) | (a << 10))) & _M32
            maj = (a & b) ^ (a & c) ^ (b & c)
            t2 = s0 + maj
            h, g, f, e, d, c, b, a = g, f, e, (d + t1) & _M32, c, b, a, (t1 + t2) & _M32
        return [(s + v) & _M32 for s, v in zip(state, (a, b, c, d, e, f, g, h))]


class _SHA224(_SHA256):
    name = 'sha224'
    digest_size = 28
    IV = _SHA224_IV


class _SHA512(_MerkleDamgard):
    name = 'sha512'
    digest_size = 64
    block_size = 128
    WORD = 8
    LENGTH_BYTES = 16
    IV = _SHA512_IV

    @staticmethod
    def compress(state, block):
        w = _words(block, 8, 'big')
        for i in range(16, 80):
            x = w[i - 15]
            y = w[i - 2]
            s0 = ((x >> 1) | (x << 63)) ^ ((x >> 8) | (x << 56)) ^ (x >> 7)
            s1 = ((y >> 19) | (y << 45)) ^ ((y >> 61) | (y << 3)) ^ (y >> 6)
            w.append((w[i - 16] + s0 + w[i - 7] + s1) & _M64)
        a, b, c, d, e, f, g, h = state
        k = _SHA512_K
        for i in range(80):
            s1 = (((e >> 14) | (e << 50)) ^ ((e >> 18) | (e << 46))
                  ^ ((e >> 41) | (e << 23))) & _M64
            ch = (e & f) ^ (~e & g)
            t1 = (h + s1 + ch + k[i] + w[i]) & _M64
            s0 = (((a >> 28) | (a << 36)) ^ ((a >> 34) | (a << 30))
                  ^ ((a >> 39) | (a << 25))) & _M64
            maj = (a & b) ^ (a & c) ^ (b & c)
            t2 = s0 + maj
            h, g, f, e, d, c, b, a = g, f, e, (d + t1) & _M64, c, b, a, (t1 + t2) & _M64
        return [(s + v) & _M64 for s, v in zip(state, (a, b, c, d, e, f, g, h))]


class _SHA384(_SHA512):
    name = 'sha384'
    digest_size = 48
    IV = _SHA384_IV


# ---------------------------------------------------------------------------
# SHA-3 and SHAKE: the Keccak-f[1600] sponge on 25 lanes of 64 bits.

def _keccak_round_constants():
    """The 24 round constants, from the LFSR of the Keccak reference."""
    constants = []
    lfsr = 1
    for _ in range(24):
        rc = 0
        for j in range(7):
            if lfsr & 1:
                rc |= 1 << ((1 << j) - 1)
            lfsr = ((lfsr << 1) ^ 0x71) & 0xff if lfsr & 0x80 else lfsr << 1
        constants.append(rc)
    return constants


def _keccak_rho_pi():
    """(source lane, destination lane, rotation, source column) of the rho and pi
    steps."""
    moves = [(0, 0, 0, 0)]
    x, y = 1, 0
    for t in range(24):
        rotation = ((t + 1) * (t + 2) // 2) % 64
        moves.append((x + 5 * y, y + 5 * ((2 * x + 3 * y) % 5), rotation, x))
        x, y = y, (2 * x + 3 * y) % 5
    return moves


_KECCAK_RC = _keccak_round_constants()
_KECCAK_RHO_PI = _keccak_rho_pi()


def _keccak_f(lanes):
    """The permutation, applied to a list of 25 lanes (index x + 5*y) in place."""
    moves = _KECCAK_RHO_PI
    b = [0] * 25
    for rc in _KECCAK_RC:
        # theta: every lane takes in the parities of two neighbouring columns.
        c0 = lanes[0] ^ lanes[5] ^ lanes[10] ^ lanes[15] ^ lanes[20]
        c1 = lanes[1] ^ lanes[6] ^ lanes[11] ^ lanes[16] ^ lanes[21]
        c2 = lanes[2] ^ lanes[7] ^ lanes[12] ^ lanes[17] ^ lanes[22]
        c3 = lanes[3] ^ lanes[8] ^ lanes[13] ^ lanes[18] ^ lanes[23]
        c4 = lanes[4] ^ lanes[9] ^ lanes[14] ^ lanes[19] ^ lanes[24]
        d = (c4 ^ (((c1 << 1) | (c1 >> 63)) & _M64),
             c0 ^ (((c2 << 1) | (c2 >> 63)) & _M64),
             c1 ^ (((c3 << 1) | (c3 >> 63)) & _M64),
             c2 ^ (((c4 << 1) | (c4 >> 63)) & _M64),
             c3 ^ (((c0 << 1) | (c0 >> 63)) & _M64))
        # rho and pi: rotate each lane and move it.
        for src, dst, rot, column in moves:
            v = lanes[src] ^ d[column]
            b[dst] = ((v << rot) | (v >> (64 - rot))) & _M64
        # chi: combine each row non-linearly; iota: break the symmetry.
        for row in range(0, 25, 5):
            b0, b1, b2, b3, b4 = b[row:row + 5]
            lanes[row] = b0 ^ (~b1 & b2)
            lanes[row + 1] = b1 ^ (~b2 & b3)
            lanes[row + 2] = b2 ^ (~b3 & b4)
            lanes[row + 3] = b3 ^ (~b4 & b0)
            lanes[row + 4] = b4 ^ (~b0 & b1)
        lanes[0] ^= rc


class _Keccak:
    SUFFIX = 0x06           # domain separation bits of SHA-3 (SHAKE: 0x1f)

    def __init__(self):
        self.lanes = [0] * 25
        self.pending = b''

    def _absorb(self, lanes, block):
        for i, word in enumerate(_words(block, 8, 'little')):
            lanes[i] ^= word
        _keccak_f(lanes)

    def update(self, data):
        pending = self.pending + data
        rate = self.block_size
        full = len(pending) - len(pending) % rate
        for start in range(0, full, rate):
            self._absorb(self.lanes, pending[start:start + rate])
        self.pending = pending[full:]

    def squeeze(self, length):
        rate = self.block_size
        padded = bytearray(self.pending + bytes(rate - len(self.pending)))
        padded[len(self.pending)] ^= self.SUFFIX
        padded[rate - 1] ^= 0x80
        lanes = list(self.lanes)
        self._absorb(lanes, bytes(padded))
        out = b''
        while True:
            out += b''.join(lane.to_bytes(8, 'little') for lane in lanes)[:rate]
            if len(out) >= length:
                return out[:length]
            _keccak_f(lanes)

    def final(self):
        return self.squeeze(self.digest_size)

    def copy(self):
        other = object.__new__(type(self))
        other.lanes = list(self.lanes)
        other.pending = self.pending
        return other


def _sha3_class(bits):
    class sha3(_Keccak):
        name = 'sha3_%d' % bits
        digest_size = bits // 8
        block_size = 200 - bits // 4
    return sha3


def _shake_class(bits):
    class shake(_Keccak):
        name = 'shake_%d' % bits
        digest_size = 0
        block_size = 200 - bits // 4
        SUFFIX = 0x1f
    return shake


# ---------------------------------------------------------------------------
# The objects the OpenSSL-backed constructors return.

class HASH:
    """A hash object: feed it with update(), read it with digest() or hexdigest()."""

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create '_hashlib.%s' instances" % type(self).__name__)

    @classmethod
    def _wrap(cls, impl):
        obj = object.__new__(cls)
        obj._impl = impl
        return obj

    @property
    def name(self):
        return self._impl.name

    @property
    def digest_size(self):
        return self._impl.digest_size

    @property
    def block_size(self):
        return self._impl.block_size

    def update(self, *args):
        if len(args) != 1:
            raise TypeError('%s.update() takes exactly one argument (%d given)'
                            % (type(self).__name__, len(args)))
        self._impl.update(_data_bytes(args[0]))

    def digest(self):
        return self._impl.final()

    def hexdigest(self):
        return self._impl.final().hex()

    def copy(self):
        return type(self)._wrap(self._impl.copy())

    def __repr__(self):
        return '<%s _hashlib.%s object @ %#x>' % (self.name, type(self).__name__, id(self))


def _xof_length(method, args, kwargs):
    """The length argument of HASHXOF.digest/hexdigest, with CPython's checks."""
    if len(args) + len(kwargs) > 1 or (kwargs and 'length' not in kwargs):
        if kwargs and 'length' not in kwargs:
            raise TypeError("%s() got an unexpected keyword argument '%s'"
                            % (method, next(iter(kwargs))))
        raise TypeError('%s() takes at most 1 argument (%d given)'
                        % (method, len(args) + len(kwargs)))
    if not args and not kwargs:
        raise TypeError("%s() missing required argument 'length' (pos 1)" % method)
    length = args[0] if args else kwargs['length']
    if not isinstance(length, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(length).__name__)
    if length >= 1 << 63 or length < -(1 << 63):
        raise OverflowError('Python int too large to convert to C ssize_t')
    if length < 0:
        # What CPython 3.11 gives when it passes the length on to its C API.
        if method == 'digest':
            raise SystemError('Negative size passed to PyBytes_FromStringAndSize')
        raise MemoryError()
    return length


class HASHXOF(HASH):
    """A hash object of variable length (SHAKE): digest(length), hexdigest(length)."""

    def digest(self, *args, **kwargs):
        return self._impl.squeeze(_xof_length('digest', args, kwargs))

    def hexdigest(self, *args, **kwargs):
        return self._impl.squeeze(_xof_length('hexdigest', args, kwargs)).hex()


_OPENSSL_ALGORITHMS = {
    'md5': _MD5, 'sha1': _SHA1, 'sha224': _SHA224, 'sha256': _SHA256,
    'sha384': _SHA384, 'sha512': _SHA512,
    'sha3_224': _sha3_class(224), 'sha3_256': _sha3_class(256),
    'sha3_384': _sha3_class(384), 'sha3_512': _sha3_class(512),
    'shake_128': _shake_class(128), 'shake_256': _shake_class(256),
}

# Other spellings OpenSSL accepts in new() (it ignores case).
_OPENSSL_ALIASES = {
    'sha-1': 'sha1', 'sha-224': 'sha224', 'sha-256': 'sha256', 'sha-384': 'sha384',
    'sha-512': 'sha512', 'sha2-224': 'sha224', 'sha2-256': 'sha256',
    'sha2-384': 'sha384', 'sha2-512': 'sha512', 'sha3-224': 'sha3_224',
    'sha3-256': 'sha3_256', 'sha3-384': 'sha3_384', 'sha3-512': 'sha3_512',
    'shake128': 'shake_128', 'shake256': 'shake_256',
}


def _openssl_new(name, func_name, args, kwargs):
    """A HASH for the algorithm name, fed with the optional data argument."""
    if len(args) > 1:
        raise TypeError('%s() takes at most 1 positional argument (%d given)'
                        % (func_name, len(args)))
    for key in kwargs:
        if key not in ('string', 'usedforsecurity'):
            raise TypeError("'%s' is an invalid keyword argument for %s()"
                            % (key, func_name))
    if args and 'string' in kwargs:
        raise TypeError("argument for %s() given by name ('string') and position (%d)"
                        % (func_name, 2 if func_name == 'new' else 1))
    data = args[0] if args else kwargs.get('string', b'')
    impl = _OPENSSL_ALGORITHMS[name]()
    wrapper = HASHXOF if name.startswith('shake') else HASH
    obj = wrapper._wrap(impl)
    impl.update(_data_bytes(data))
    return obj


def _openssl_constructor(name):
    func_name = 'openssl_' + name

    def constructor(*args, **kwargs):
        return _openssl_new(name, func_name, args, kwargs)
    constructor.__name__ = constructor.__qualname__ = func_name
    constructor.__doc__ = 'Returns a %s hash object; optionally initialized with a string' \
        % name
    return constructor


md5 = _openssl_constructor('md5')
sha1 = _openssl_constructor('sha1')
sha224 = _openssl_constructor('sha224')
sha256 = _openssl_constructor('sha256')
sha384 = _openssl_constructor('sha384')
sha512 = _openssl_constructor('sha512')
sha3_224 = _openssl_constructor('sha3_224')
sha3_256 = _openssl_constructor('sha3_256')
sha3_384 = _openssl_constructor('sha3_384')
sha3_512 = _openssl_constructor('sha3_512')
shake_128 = _openssl_constructor('shake_128')
shake_256 = _openssl_constructor('shake_256')


# ---------------------------------------------------------------------------
# BLAKE2b and BLAKE2s: the same design with 64-bit and 32-bit words. The last block
# is compressed with a flag, so update() always keeps at least one byte pending.

class _Blake2:
    """Shared by blake2b and blake2s; the subclasses set the width constants."""

    def __init__(self, *args, **kwargs):
        # Parsed by hand to give the messages of CPython's argument clinic.
        cls = type(self)
        if len(args) > 1:
            raise TypeError('%s() takes at most 1 positional argument (%d given)'
                            % (cls.__name__, len(args)))
        for key in kwargs:
            if key not in _BLAKE2_KEYWORDS:
                raise TypeError("'%s' is an invalid keyword argument for %s()"
                                % (key, cls.__name__))
        self._setup(*args, **kwargs)

    def _setup(self, data=b'', digest_size=None, key=b'', salt=b'', person=b'',
               fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0,
               inner_size=0, last_node=False, usedforsecurity=True):
        cls = type(self)
        for value in (digest_size, fanout, depth, leaf_size, node_offset, node_depth,
                      inner_size):
            if value is not None and not isinstance(value, int):
                raise TypeError("'%s' object cannot be interpreted as an integer"
                                % type(value).__name__)
        if digest_size is None:
            digest_size = cls.MAX_DIGEST_SIZE
        if not 1 <= digest_size <= cls.MAX_DIGEST_SIZE:
            raise ValueError('digest_size must be between 1 and %d bytes'
                             % cls.MAX_DIGEST_SIZE)
        salt = _param_bytes(salt)
        if len(salt) > cls.SALT_SIZE:
            raise ValueError('maximum salt length is %d bytes' % cls.SALT_SIZE)
        person = _param_bytes(person)
        if len(person) > cls.PERSON_SIZE:
            raise ValueError('maximum person length is %d bytes' % cls.PERSON_SIZE)
        if not 0 <= fanout <= 255:
            raise ValueError('fanout must be between 0 and 255')
        if not 1 <= depth <= 255:
            raise ValueError('depth must be between 1 and 255')
        if leaf_size < 0:
            raise ValueError('value must be positive')
        if leaf_size > _M32:
            raise OverflowError('leaf_size is too large')
        if node_offset < 0:
            raise ValueError('value must be positive')
        if node_offset >= 1 << (8 * cls._OFFSET_BYTES):
            raise OverflowError('node_offset is too large')
        if not 0 <= node_depth <= 255:
            raise ValueError('node_depth must be between 0 and 255')
        if not 0 <= inner_size <= cls.MAX_DIGEST_SIZE:
            raise ValueError('inner_size must be between 0 and is %d' % cls.MAX_DIGEST_SIZE)
        key = _param_bytes(key)
        if len(key) > cls.MAX_KEY_SIZE:
            raise ValueError('maximum key length is %d bytes' % cls.MAX_KEY_SIZE)
        word = cls._WORD
        params = (bytes([digest_size, len(key), fanout, depth])
                  + leaf_size.to_bytes(4, 'little')
                  + node_offset.to_bytes(cls._OFFSET_BYTES, 'little')
                  + bytes([node_depth, inner_size]) + bytes(cls._RESERVED)
                  + salt + bytes(cls.SALT_SIZE - len(salt))
                  + person + bytes(cls.PERSON_SIZE - len(person)))
        self._h = [iv ^ p for iv, p in zip(cls._IV, _words(params, word, 'little'))]
        self._counter = 0
        self._pending = b''
        self._last_node = bool(last_node)
        self._digest_size = digest_size
        if key:
            self._pending = key + bytes(cls.block_size - len(key))
        self._update(_data_bytes(data))

    @property
    def name(self):
        return type(self).__name__

    @property
    def digest_size(self):
        return self._digest_size

    def _update(self, data):
        pending = self._pending + data
        size = type(self).block_size
        start = 0
        while len(pending) - start > size:
            self._counter += size
            self._compress(self._h, pending[start:start + size], self._counter, False)
            start += size
        self._pending = pending[start:]

    def update(self, *args):
        if len(args) != 1:
            raise TypeError('%s.update() takes exactly one argument (%d given)'
                            % (type(self).__name__, len(args)))
        self._update(_data_bytes(args[0]))

    def digest(self):
        h = list(self._h)
        size = type(self).block_size
        block = self._pending + bytes(size - len(self._pending))
        self._compress(h, block, self._counter + len(self._pending), True)
        word = type(self)._WORD
        return b''.join(v.to_bytes(word, 'little') for v in h)[:self._digest_size]

    def hexdigest(self):
        return self.digest().hex()

    def copy(self):
        other = object.__new__(type(self))
        other._h = list(self._h)
        other._counter = self._counter
        other._pending = self._pending
        other._last_node = self._last_node
        other._digest_size = self._digest_size
        return other

    def _compress(self, h, block, counter, last):
        cls = type(self)
        bits = cls._WORD * 8
        mask = (1 << bits) - 1
        r1, r2, r3, r4 = cls._ROTATIONS
        m = _words(block, cls._WORD, 'little')
        v = h + list(cls._IV)
        v[12] ^= counter & mask
        v[13] ^= counter >> bits
        if last:
            v[14] ^= mask
            if self._last_node:
                v[15] ^= mask
        for rnd in range(cls._ROUNDS):
            s = _BLAKE2_SIGMA[rnd % 10]
            for i, (a, b, c, d) in enumerate(_BLAKE2_MIX):
                va = (v[a] + v[b] + m[s[2 * i]]) & mask
                vd = v[d] ^ va
                vd = ((vd >> r1) | (vd << (bits - r1))) & mask
                vc = (v[c] + vd) & mask
                vb = v[b] ^ vc
                vb = ((vb >> r2) | (vb << (bits - r2))) & mask
                va = (va + vb + m[s[2 * i + 1]]) & mask
                vd ^= va
                vd = ((vd >> r3) | (vd << (bits - r3))) & mask
                vc = (vc + vd) & mask
                vb ^= vc
                v[b] = ((vb >> r4) | (vb << (bits - r4))) & mask
                v[a] = va
                v[c] = vc
                v[d] = vd
        for i in range(8):
            h[i] ^= v[i] ^ v[i + 8]

    def __repr__(self):
        return '<_blake2.%s object at %#x>' % (type(self).__name__, id(self))


_BLAKE2_KEYWORDS = ('digest_size', 'key', 'salt', 'person', 'fanout', 'depth',
                    'leaf_size', 'node_offset', 'node_depth', 'inner_size', 'last_node',
                    'usedforsecurity')

# The columns, then the diagonals, of the 4x4 working state.
_BLAKE2_MIX = ((0, 4, 8, 12), (1, 5, 9, 13), (2, 6, 10, 14), (3, 7, 11, 15),
               (0, 5, 10, 15), (1, 6, 11, 12), (2, 7, 8, 13), (3, 4, 9, 14))


class blake2b(_Blake2):
    """Return a new BLAKE2b hash object."""
    SALT_SIZE = 16
    PERSON_SIZE = 16
    MAX_KEY_SIZE = 64
    MAX_DIGEST_SIZE = 64
    block_size = 128
    _WORD = 8
    _OFFSET_BYTES = 8
    _RESERVED = 14
    _ROUNDS = 12
    _ROTATIONS = (32, 24, 16, 63)
    _IV = _SHA512_IV


class blake2s(_Blake2):
    """Return a new BLAKE2s hash object."""
    SALT_SIZE = 8
    PERSON_SIZE = 8
    MAX_KEY_SIZE = 32
    MAX_DIGEST_SIZE = 32
    block_size = 64
    _WORD = 4
    _OFFSET_BYTES = 6
    _RESERVED = 0
    _ROUNDS = 10
    _ROTATIONS = (16, 12, 8, 7)
    _IV = _SHA256_IV


# ---------------------------------------------------------------------------
# Lookup by name.

algorithms_guaranteed = frozenset(('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
                                   'blake2b', 'blake2s', 'sha3_224', 'sha3_256',
                                   'sha3_384', 'sha3_512', 'shake_128', 'shake_256'))
algorithms_available = set(algorithms_guaranteed)


def new(*args, **kwargs):
    """new(name, data=b'', **kwargs) - Return a new hashing object using the named
    algorithm; optionally initialized with data (which must be a bytes-like object).
    """
    if 'name' in kwargs:
        if args:
            raise TypeError("__hash_new() got multiple values for argument 'name'")
        name = kwargs.pop('name')
    elif args:
        name, args = args[0], args[1:]
    else:
        raise TypeError("__hash_new() missing 1 required positional argument: 'name'")
    if 'data' in kwargs:
        if args:
            raise TypeError("__hash_new() got multiple values for argument 'data'")
        args = (kwargs.pop('data'),)
    if len(args) > 1:
        raise TypeError('__hash_new() takes from 1 to 2 positional arguments but %d were '
                        'given' % (len(args) + 1))
    if name in ('blake2b', 'blake2s'):
        return (blake2b if name == 'blake2b' else blake2s)(*args, **kwargs)
    if not isinstance(name, str):
        raise TypeError('name must be a string')
    key = name.lower()
    key = _OPENSSL_ALIASES.get(key, key)
    if key == 'blake2b512' or key == 'blake2s256':
        # OpenSSL's names for the default BLAKE2 (without its parameters).
        constructor = blake2b if key == 'blake2b512' else blake2s
        data = args[0] if args else kwargs.get('string', b'')
        return constructor(data)
    if key not in _OPENSSL_ALGORITHMS:
        raise ValueError('unsupported hash type ' + name)
    return _openssl_new(key, 'new', (args[0] if args else b'',), kwargs)
