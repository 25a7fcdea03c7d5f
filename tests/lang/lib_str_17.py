# str() constructor and str dunder methods called explicitly
print(repr(str()), repr(str("x")), str(42), str(-1.5), str(True), str(None), str([1, "a"]))
print(str((1,)), str({"k": "v"}), str(1e16), str(0.1), repr(str(object="kw")))
class A:
    def __str__(self):
        return "A.__str__"
class B:
    def __repr__(self):
        return "B.__repr__"
print(str(A()), str(B()), repr(B()))
for bad in [lambda: str(1, 2, 3, 4), lambda: str(x=5), lambda: str(1, "utf-8"),
            lambda: str("a", "utf-8"), lambda: str(b=1)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
print(repr(str(encoding="utf-8")))
s = "héllo"
print(s.__len__(), s.__contains__("é"), s.__getitem__(1), s.__getitem__(slice(1, 3)))
print(s.__add__("!"), s.__mul__(2), s.__rmul__(2), "%s-%s".__mod__(("a", "b")), s.__rmod__(1))
print(s.__eq__("héllo"), s.__eq__(1), s.__ne__("x"), s.__lt__("z"), s.__le__("héllo"),
      s.__gt__("a"), s.__ge__("zz"), s.__lt__(5))
print(s.__format__(">8"), s.__format__(""), repr(s.__repr__()), s.__str__(), list(s.__iter__()))
print(s.__hash__() == hash(s), "".__len__(), "abc".__getitem__(-1))
print(format("abc", "^7"), format("x"), "{:*<4}".format("é"))
for bad in [lambda: s.__add__(1), lambda: s.__mul__("x"), lambda: s.__contains__(1),
            lambda: s.__getitem__("x"), lambda: s.__getitem__(9), lambda: s.__format__(">d")]:
    try:
        print(bad())
    except (TypeError, IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
