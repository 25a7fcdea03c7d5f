# float operations: is_integer, int truncation, comparisons with int, nan/inf behaviour, division by zero messages
x = 7.5
print(x.is_integer(), (8.0).is_integer(), int(x), int(-x), float(int(x)))
print(1 == 1.0, 1 < 1.5, 2 > 1.9999, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
nan = float("nan")
inf = float("inf")
print(nan == nan, nan != nan, nan < 1, nan > 1, inf == inf, inf - inf, inf * 0, -inf < -1e308)
print(inf + 1, 1 / inf, max(1.0, inf), min(-inf, 0))
print(3 / 2, 3 // 2.0, 3 % 2.5, -3 % 2.5, 2 ** 0.5 * 2 ** 0.5)
for a, b in [(1.0, 0.0), (1.5, 0.0), (1, 0.0)]:
    for op in ("/", "//", "%"):
        try:
            if op == "/":
                a / b
            elif op == "//":
                a // b
            else:
                a % b
        except ZeroDivisionError as e:
            print(a, op, b, "->", e)
print(abs(-2.5), abs(-0.0), -(0.0), round(2.675, 2), 1e308 * 10)
