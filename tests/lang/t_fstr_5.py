# __format__ on a user class, format() builtin, str/repr used by !s/!r and by default in f-strings
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec == "F":
            return f"{self.c * 9 / 5 + 32:.1f}F"
        if spec == "":
            return f"{self.c}C"
        return format(self.c, spec) + "C"
    def __str__(self):
        return "Temp(str)"
    def __repr__(self):
        return "Temp(repr)"
t = Temp(21.5)
print(f"{t} {t:F} {t:.3f} {t!s} {t!r} {format(t, 'F')} {format(t)}")
print("{} {:F} {!r}".format(t, t, t))
class Plain:
    def __repr__(self):
        return "<Plain>"
print(f"{Plain()} {Plain()!s} {[Plain()]}")
try:
    f"{Plain():>10}"
except TypeError as e:
    print("TypeError:", e)
