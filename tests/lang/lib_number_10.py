# conversions at the edges of int64 and float: truncation, repr round trips, hex round trips, mixed dunders
big = 9223372036854775807
small = -9223372036854775808
print(big, small, int(str(big)) == big, int(str(small)) == small, int(" +9223372036854775807 "))
print(float(big), float(small), int(float(small)) == small, int(-2.0 ** 63) == small)
print(int(9.223372036854775e18), int(-9.223372036854775e18), int(1.9999999999999998), int(-0.9999999999999999))
print(big.bit_length(), small.bit_length(), big.bit_count(), small.bit_count(), (-1).bit_length(), (-1).bit_count())
print(small.as_integer_ratio(), big.as_integer_ratio(), big.numerator, small.denominator)
print(int("0x7fffffffffffffff", 16), int("-0b" + "1" + "0" * 63, 0), int("7" * 18, 8))
for x in [0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e-300, 1.7976931348623157e308, 5e-324, 123456789.123456789, 1e16, 1e-5]:
    print(repr(x), float(repr(x)) == x, x.hex(), float.fromhex(x.hex()) == x, x.is_integer())
for s in ["0x1.0p-1022", "0x0.fffffffffffffp-1022", "0x1.fffffffffffffp+1023", "0x1p-1075", "0x1.8p-1074", "0x3p-1076",
          "0x1.000000000000080000000001p0", "0x1.00000000000007ffffp0", "0x.0000000000001p-1022", "0x10p-4"]:
    print(s, repr(float.fromhex(s)))
print((3).__add__(4) + (2.5).__mul__(2), (10).__mod__(-3), (-7).__floordiv__(2), (2).__pow__(-1), (7.0).__mod__(-2))
print(sorted([3, 1.5, True, -2], key=float), [int(v) for v in (2.9, -2.9, True, "12", " -0 ")])
