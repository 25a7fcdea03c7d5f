# int() conversions from str/float/bool with bases, and their ValueError messages
print(int("42"), int("  -17  "), int("+8"), int("1_000"), int(3.99), int(-3.99), int(True), int(False))
print(int("ff", 16), int("FF", 16), int("0x1f", 16), int("0x1f", 0), int("0o17", 0), int("0b101", 0))
print(int("101", 2), int("z", 36), int("777", 8), int("10", 3), int())
print(int(1e15), int(-0.5), int(2.5), int("0"), int("-0"))
for bad in ["", "abc", "4.5", "1 2", "0x10", "--1"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 2)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
