# repr, ascii, format, vars, dir, globals, locals
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(repr(1), repr("a'b"), repr('a"b'), repr([1, "x"]), repr(None), repr(1.0), repr((1,)), repr({1: "é"}))
print(ascii("héllo"), ascii("😀"), ascii(["ñ", 1]), ascii("plain"), ascii(1.5), ascii("\n"))
print(format(3.14159, ".2f"), format(5), format(42, "08b"), format("x", ">4"), format(1234567, ","), format(0.5, "%"))
print(format(True), format(None), format([1]), format(12, ""), format(2.0), format("s", ""))
class Fmt:
    def __format__(self, spec):
        return "<" + spec + ">"
print(format(Fmt(), "abc"), format(Fmt()), f"{Fmt():xyz}")
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(vars(p), vars(p) is p.__dict__)
vars(p)["z"] = 3
print(p.z)
class Empty:
    pass
print(vars(Empty()))
print([n for n in dir(p) if not n.startswith("__")], "__class__" in dir(p), "__init__" in dir(p))
class Child(Point):
    def extra(self):
        pass
print([n for n in dir(Child(0, 0)) if not n.startswith("_")], [n for n in dir(Child) if not n.startswith("_")])
print(dir([]) == sorted(dir([])), "append" in dir([]), "keys" in dir({}), "upper" in dir("s"))
class WithDir:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(WithDir()))
x_global = 10
g = globals()
print(g["x_global"], "check" in g, g is globals(), "__name__" in g, g["__name__"])
g["made_up"] = 99
print(made_up)
def f(a, b=2, *args, **kw):
    c = a + b
    return sorted(locals().items())
print(f(1), f(1, 3, 4, k=5))
def outer():
    v = 1
    def inner():
        return sorted(locals())
    w = 2
    return inner(), sorted(locals())
print(outer())
def closure():
    n = 5
    def use():
        return n, sorted(locals())
    return use()
print(closure())
def unbound():
    late = 1
    del late
    y = 2
    return sorted(locals())
print(unbound())
print(locals() is globals(), vars() is globals())
def sorted_dir():
    a = 1
    b = 2
    return dir()
print(sorted_dir())
check(lambda: repr())
check(lambda: ascii())
check(lambda: format(1, 5))
check(lambda: format(1, "x", 1))
check(lambda: format(1, "z"))
check(lambda: format("s", "d"))
check(lambda: vars(1))
check(lambda: vars(1, 2))
check(lambda: dir(1, 2))
check(lambda: globals(1))
check(lambda: locals(1))
