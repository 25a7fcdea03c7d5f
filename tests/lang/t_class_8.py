# NotImplemented: falling back to the reflected method, TypeError when neither side handles the operand
class Meters:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        if isinstance(other, (int, float)):
            return Meters(self.v + other)
        return NotImplemented
    def __radd__(self, other):
        print("  __radd__ with", type(other).__name__)
        return self.__add__(other)
    def __eq__(self, other):
        if not isinstance(other, Meters):
            return NotImplemented
        return self.v == other.v
    def __repr__(self):
        return f"{self.v}m"
print(Meters(1) + Meters(2), Meters(1) + 5, 5 + Meters(1), sum([Meters(1), Meters(2)]))
print(Meters(3) == Meters(3), Meters(3) == 3, Meters(3) != Meters(4), Meters(1) == "x")
try:
    Meters(1) + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" + Meters(1)
except TypeError as e:
    print("TypeError:", e)
class Plain:
    pass
for op in ("+", "*", "<", "-"):
    try:
        if op == "+":
            Plain() + 1
        elif op == "*":
            2 * Plain()
        elif op == "<":
            Plain() < Plain()
        else:
            -Plain()
    except TypeError as e:
        print("TypeError:", e)
