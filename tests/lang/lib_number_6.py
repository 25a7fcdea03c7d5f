# float methods and attributes: is_integer as_integer_ratio hex fromhex real imag conjugate
for x in [0.0, -0.0, 1.0, 1.5, -2.5, 0.1, 3.0e10, 1e-5, 2.0 ** 52, 123.456, 5e-324, 1e300,
          float("inf"), float("-inf"), float("nan")]:
    print(repr(x), x.is_integer(), x.hex(), x.real, x.imag, x.conjugate())
for x in [0.0, -0.0, 1.0, 0.5, 0.1, -2.75, 3.0e10, 1e-3, 123.456, 2.0 ** 60]:
    print(repr(x), x.as_integer_ratio())
for x in [float("inf"), float("-inf"), float("nan")]:
    try:
        x.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for s in ["0x1.8p1", "0x1p-1074", "-0x1.999999999999ap-4", "0X10", "0x.8", "1.5", "  0xap0  ",
          "inf", "-Infinity", "nan", "0x1.fffffffffffffp1023", "0x1p-1080", "0x0p0", "-0x0.0p+0",
          "0x1.00000000000008p0", "0x1.00000000000018p0", "0x3.p2", "+0x1P+3"]:
    print(repr(s), float.fromhex(s))
for s in ["0x1p2000", "0x1.fffffffffffff8p1023", "0xg", "", "0x", "0x1p", "0x1.2.3", "1e5", "0x1 2", 5]:
    try:
        print(float.fromhex(s))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
for x in [0.1, 1e300, 5e-324, -123.5, 2.0 ** -1022]:
    print(float.fromhex(x.hex()) == x)
print(float.is_integer(2.0), float.hex(1.0), (2.5).__trunc__(), (-2.5).__trunc__(), (2.5).__int__())
for f in [lambda: (1.0).is_integer(1), lambda: float.is_integer(1), lambda: float.hex(),
          lambda: (1.0).hex(x=1), lambda: float.fromhex(), lambda: float.fromhex("0x1", "0x2"),
          lambda: (1.5).as_integer_ratio(2)]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
