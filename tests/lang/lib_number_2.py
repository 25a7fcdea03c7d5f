# int() from numbers and objects: truncation, bool, __int__, __index__, errors
print(int(), int(3.9), int(-3.9), int(0.5), int(-0.5), int(1e15), int(-2.0 ** 62), int(True), int(False))
print(int(7), int(-7), type(int(True)).__name__, int(2.0 ** 62), int(1e18))
class WithInt:
    def __int__(self):
        return 42
class WithIndex:
    def __index__(self):
        return 7
class BadInt:
    def __int__(self):
        return "x"
class BadIndex:
    def __index__(self):
        return 1.5
class Both:
    def __int__(self):
        return 1
    def __index__(self):
        return 2
print(int(WithInt()), int(WithIndex()), int(Both()))
for v in [float("inf"), float("-inf"), float("nan"), None, [1], "1.5", BadInt(), BadIndex(), object()]:
    try:
        print(int(v))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
for v in [1.0, -1.0, 1.5, 123456789.987]:
    print(v, int(v), int(v) == v)
print(int("10", WithIndex()), int("11", base=WithIndex()))
