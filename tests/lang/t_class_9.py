# comparison dunders: __eq__ __ne__ __lt__ __le__ __gt__ __ge__, reflection of < to >, sorting custom objects
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
a, b = Version("1.2.10"), Version("1.10")
print(a < b, a <= b, a == b, a != b, b > a, b >= a, a > b)
vs = [Version(s) for s in ["2.0", "1.0.5", "1.10", "1.2"]]
print(sorted(vs), min(vs), max(vs), sorted(vs, reverse=True))
print(Version("1.0") in vs, Version("2.0") in vs, vs.index(Version("1.10")), vs.count(Version("1.2")))
class OnlyEq:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        print("  __eq__ called")
        return self.k == o.k
print(OnlyEq(1) != OnlyEq(2), OnlyEq(1) != OnlyEq(1))
try:
    OnlyEq(1) < OnlyEq(2)
except TypeError as e:
    print("TypeError:", e)
