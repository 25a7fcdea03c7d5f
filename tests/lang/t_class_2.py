# __str__ vs __repr__: print/str use __str__, containers and !r use __repr__, __str__ falls back to __repr__
class Both:
    def __str__(self):
        return "Both-str"
    def __repr__(self):
        return "Both-repr"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class StrOnly:
    def __str__(self):
        return "StrOnly-str"
b, r = Both(), ReprOnly()
print(b, str(b), repr(b), [b], (b,), {"k": b}, f"{b} {b!r}")
print(r, str(r), [r], f"{r}")
s = StrOnly()
print(s, str(s), f"{s}")
print(str([s]).startswith("[<"), repr(s).startswith("<"))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
print(Point(1, "two"), [Point(0, 0), Point(1.5, None)])
