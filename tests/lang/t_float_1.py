# float repr: shortest round-trip form, exponent thresholds, special values, -0.0
print(0.1 + 0.2, 1 / 3, 2 / 3, 0.1 * 3, 1.1 * 1.1)
print(1e15, 1e16, 1e-4, 1e-5, 123456789.123, 1.5e300, 2.5e-300)
print(1.0, -1.0, 0.0, -0.0, 100.0, 1e2, 12345678901234567.0)
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(float("1.5"), float("  -2.25 "), float("1e3"), float("inf") > 1e308, float(7), float("-0"))
print(3.0 * 2, 7.0 // 2, 7.0 % 2, -7.0 // 2, -7.0 % 2, 2.0 ** 0.5, 10 ** -2)
print(0.1 + 0.7, 4.35 * 100, 1.23456789012345678, 9.999999999999999e22)
print(1e22, 1e21, 1e23, 5e-324, 1.7976931348623157e308)
print(str(2.0), repr(2.5), str(-0.001), repr(1e100))
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
