# int methods and attributes: bit_length bit_count conjugate as_integer_ratio real imag numerator denominator
for n in [0, 1, -1, 2, 7, 8, 255, -256, 1023, 2 ** 40, -(2 ** 62), 9223372036854775807, -9223372036854775808]:
    print(n, n.bit_length(), n.bit_count(), n.conjugate(), n.as_integer_ratio(),
          n.real, n.imag, n.numerator, n.denominator)
print(True.bit_length(), False.bit_count(), True.real, True.imag, True.numerator, True.denominator)
print(type(True.real).__name__, type(True.conjugate()).__name__, True.as_integer_ratio())
print((5).__index__(), True.__index__(), (-3).__abs__(), (4).__neg__(), (0).__bool__(), (7).__float__())
print(int.bit_length(12), int.bit_count(-7), int.conjugate(3), int.as_integer_ratio(-4))
for f in [lambda: (5).bit_length(1), lambda: (5).bit_count(x=1), lambda: int.bit_length("x"),
          lambda: int.bit_length(), lambda: (5).conjugate(1, 2), lambda: True.bit_length(2),
          lambda: (5).__index__(1), lambda: int.__index__(), lambda: int.__index__(2.5)]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
try:
    (5).real = 3
except AttributeError as e:
    print("AttributeError")
