a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b)
print(~a, ~0, ~-1)
print(1 << 10, 1 << 100)
print(1024 >> 3, -1024 >> 3, -1 >> 5)
print(bin(a & b), bin(a | b), bin(a ^ b))
print((255).bit_length(), (256).bit_length(), (0).bit_length())
print(bin(-5))
print(-5 & 0xFF)
n = 0
for bit in (0, 3, 5):
    n |= 1 << bit
print(n, bin(n))
print(0xFF_FF, 0o777, 1_000_000)
