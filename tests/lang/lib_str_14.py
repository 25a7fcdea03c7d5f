# str.format: automatic and manual numbering, keywords, attributes, indexing, braces
print("{} and {}".format("spam", "eggs"))
print("{1} and {0}, {0}!".format("spam", "eggs"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0} {x} {1} {y}".format(1, 2, x="X", y="Y"))
print("{{literal}} {{{}}} }}{{".format(5))
print("{0[0]} {0[1]} {1[key]} {1[k2]}".format([10, 20], {"key": "v", "k2": 2}))
print("{a[0]} {a[-1]} {d[0]} {d[1:2]}".format(a={"0": "no", 0: "int0", "-1": "neg"}, d={0: "zero", "1:2": "slice"}))
print("{0.real} {0.imag} {1.__class__.__name__} {2[1][0]}".format(5, "s", [[1], ["in"]]))
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(3, 4)
print("({0.x}, {0.y}) ({p.x}|{p.y})".format(p, p=p))
print("{!r} {!s} {!a}".format("é", "é", "é"))
print("{0!r:>8}|{0!s:<6}|{1!a}".format("ab", "ü"))
print("é{}é{}".format("ü", "☃"), "{}".format(""), "".format(1, 2), "no fields".format(x=1))
print("{:{}}|{:>{}}|{:{}.{}f}".format("a", 4, "b", 3, 3.14159, 8, 2))
print("{0:{1}}|{x:{w}}|{x:^{w}}".format("ab", 5, x="c", w=5))
print("{0:>{1}}|{0:*^{2}}".format("mid", 7, 9))
print("{0}{0}{0}".format("ab"), "{0}{1}{0}".format("<", ">"))
print("{:,} {:_} {:.2%} {:e} {:08.3f} {:+d} {:x} {:#b} {:c}".format(1234567, 1234567, 0.256, 12345.0, 3.14159, 5, 255, 5, 97))
print("{:>6}|{:<6}|{:^6}|{:=+6}|{:06}".format(1, 2, 3, 4, 5))
print("{:s}|{:10}|{:.3}".format("str", "pad", "truncate"))
print("{0} {0!r} {0:>5}".format(True), "{:d} {:.1f}".format(True, True))
d = {"x": 1, "y": 2}
print("{x}-{y}".format(**d), "{0}-{1}".format(*["a", "b"]))
