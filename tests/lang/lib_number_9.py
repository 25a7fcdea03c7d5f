# numbers in str % and str.format together with conversions between int, float and str
values = [0, 7, -7, 255, 3.5, -0.25, 1e10, True]
for v in values:
    print("%s|%r|%d|%5.1f|%e|%x" % (v, v, v, v, v, int(v)), "{0}|{0!r}|{0:>8}|{0:.3f}".format(v))
print(int(str(12345)) == 12345, float(repr(0.1)) == 0.1, float(str(1e16)) == 1e16)
print(int(float("12.0")), float(int("-3")), int(round(2.5)), int(round(3.5)), round(2.675, 2))
for s in ["10", "0x10", "1e2", "1.5", "-0", " 8 "]:
    results = []
    for conv in (int, float):
        try:
            results.append(repr(conv(s)))
        except ValueError as e:
            results.append("ValueError: " + str(e))
    print(repr(s), results)
print([int(x) for x in "1 22 333".split()], sum(float(x) for x in ["0.1", "0.2"]))
print(str(1/3), str(2/3), str(10/3), repr(1/7), 1e-7, 123e-9, 1.0e+16, 12345678901234567890.0)
print(int("1" * 18), float("1" * 18), int(-9.99e17))
