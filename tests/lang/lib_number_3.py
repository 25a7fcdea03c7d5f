# float() from strings and numbers: inf/nan spellings, exponents, underscores, objects, errors
for s in ["1.5", " -2.25 ", "1e3", "1E-3", ".5", "5.", "-.5e+2", "1_000.5", "inf", "-inf", "+inf",
          "Infinity", "-INFINITY", "nan", "NaN", "-nan", "1e400", "-1e400", "1e-400", "0", "-0.0",
          "3.141592653589793", "\n 42 \t", "0.1", "1_2.3_4e1_0"]:
    print(repr(s), float(s))
for v in [0, 1, -7, True, False, 2 ** 53 + 1, 9223372036854775807, 1.25]:
    print(repr(v), float(v))
print(float(), type(float(1)).__name__)
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 3
class BadF:
    def __float__(self):
        return 1
class OnlyInt:
    def __int__(self):
        return 3
print(float(F()), float(I()))
for v in ["", " ", "abc", "1.2.3", "1e", "e5", "1_", "_1", "1__2", "in f", "nanx", "0x10", "1,5",
          None, [], BadF(), OnlyInt()]:
    try:
        print(float(v))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for f in [lambda: float(x=1), lambda: float(1, 2)]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
