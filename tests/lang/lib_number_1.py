# int() from strings: whitespace, signs, underscores, bases 0 and 2..36, prefixes, errors
for s in ["42", " 42 ", "-17", "+5", "0", "-0", "007", "1_000_000", "\t\n 12 \r", "9223372036854775807",
          "-9223372036854775808", "٣٤", "１２"]:
    print(repr(s), int(s))
for s, b in [("ff", 16), ("FF", 16), ("0xff", 16), ("0xFF", 0), ("0o17", 0), ("0b101", 0), ("17", 8),
             ("z", 36), ("Zz", 36), ("101", 2), (" -0b11 ", 0), ("1_0", 0), ("0_7", 8), ("0", 0),
             ("00", 0), ("-0x_1f", 16), ("0b_1", 2), ("12", 3)]:
    print(repr(s), b, int(s, b), int(s, base=b))
bad = ["", " ", "4.5", "1e3", "abc", "1_", "_1", "1__0", "0x", "--1", "+-1", "1 2", "١ 2", "12a"]
for s in bad:
    try:
        int(s)
    except ValueError as e:
        print("ValueError:", e)
for s, b in [("12", 2), ("0x1", 10), ("08", 0), ("0b2", 0), ("z", 35), ("", 16), ("010", 0)]:
    try:
        int(s, b)
    except ValueError as e:
        print("ValueError:", e)
for args in [("5", 1), ("5", 37), ("5", -1), (5, 10), (5.0, 2), ("5", 2.0), ("5", "10")]:
    try:
        int(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
for f in [lambda: int(base=2), lambda: int(x=5), lambda: int("5", 2, 3),
          lambda: int("5", bas=2), lambda: int("5", 10, base=10)]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
