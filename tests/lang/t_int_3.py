# bitwise operators, shifts, bin/oct/hex formatting and bit_length
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2, -a >> 1, -1 >> 10)
print(bin(a), oct(64), hex(255), hex(-255), bin(0), bin(-5), oct(-8))
print((255).bit_length(), (0).bit_length(), (-256).bit_length(), (1).bit_length())
print(1 << 62, (1 << 62) >> 61, 0xff & 0x0f, 0xf0 | 0x0f, 6 ^ 6)
print(5 & -1, -5 & 0xff, 3 | -8, (7 ^ -1) == ~7)
flags = 0
for bit in (0, 3, 5):
    flags |= 1 << bit
print(flags, bin(flags), [i for i in range(8) if flags >> i & 1])
flags &= ~(1 << 3)
print(flags, bin(flags))
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
