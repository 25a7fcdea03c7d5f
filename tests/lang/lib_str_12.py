# printf-style % formatting: conversions s r a d i u o x X e E f F g G c %
print("%s|%r|%a" % ("héllo", "héllo", "héllo"))
print("%d %i %u" % (42, -7, 3))
print("%d %d %d" % (3.99, -3.99, True))
print("%o %x %X %#o %#x %#X" % (8, 255, 255, 8, 255, 255))
print("%x %X %o" % (-255, -255, -8))
print("%e|%E|%f|%F|%g|%G" % (12345.678, 12345.678, 12345.678, 12345.678, 12345.678, 0.000012345))
print("%.2e|%.0e|%.3f|%.0f|%.1f|%.4g|%.10g" % (1234.5, 1234.5, 2.0005, 0.5, 0.25, 123456, 1 / 3))
print("%f %f %f %e %g" % (float("inf"), float("-inf"), float("nan"), float("inf"), float("nan")))
print("%g %g %g %g %g %g" % (100000, 1000000, 1e-4, 1e-5, 0.0, -0.0))
print("%c%c%c %c" % (72, 105, 9731, "é"))
print("100%% sure, %s%%" % 50)
print("%s" % [1, "a"], "%s" % ((1, 2),), "%r" % ("x",), "%s" % None, "%s %s" % (True, 1.5))
print("%s" % {"a": 1}, "%d%%" % 5, "%%" % (), "no args" % ())
print("%(name)s is %(age)d years, %(name)r" % {"name": "Ann", "age": 30})
print("%(a)s %(b)05.1f %(a)s" % {"a": "x", "b": 3.14159, "unused": 0})
print("abc" % [], "abc" % {}, "abc" % [1, 2])
print("%.3s|%5.1s|%-6.2s|" % ("abcdef", "xyz", "héllo"))
print("%s" % "☃", "%5s|%-5s|" % ("é", "ü"), "%r" % "it's", "%r" % 'say "hi"')
class P:
    def __str__(self):
        return "P-str"
    def __repr__(self):
        return "P-repr"
print("%s %r %a" % (P(), P(), P()))
class I:
    def __index__(self):
        return 42
class F:
    def __float__(self):
        return 2.5
class N:
    def __int__(self):
        return 7
print("%d %x %f" % (I(), I(), I()), "%f %e" % (F(), F()), "%d %i" % (N(), N()))
