# round(): banker's rounding on the exact binary value, ndigits negative/zero, int vs float results
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5))
print(round(2.675, 2), round(1.25, 1), round(1.35, 1), round(0.125, 2), round(0.375, 2))
print(round(1234.5678, 2), round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(7), round(7, 0), round(7.0), round(7.0, 0), round(-7.5), round(7.49999))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(5, 1)).__name__)
print(round(123456, -3), round(5, -1), round(15, -1), round(25, -1), round(0.0), round(-0.0, 1))
print(round(1e15 + 0.5), round(2.5e-5, 5), round(1 / 3, 4), round(2 / 3, 10))
