# find rfind index rindex count with start/end windows, negatives, empty needles, Unicode
s = "abracadabra"
for sub in ["a", "bra", "cad", "z", "", "abracadabra", "abracadabrax"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub))
for args in [(1,), (1, 5), (-4,), (-4, -1), (3, 3), (5, 2), (100,), (-100,), (0, 100),
             (None, 4), (2, None), (None, None), (True, 4)]:
    print(args, s.find("a", *args), s.rfind("a", *args), s.count("a", *args),
          s.find("", *args), s.rfind("", *args), s.count("", *args))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "aaaa".rfind("aa"), "".count(""), "".find(""))
print("abc".find("", 3), "abc".find("", 4), "abc".rfind("", 2), "abc".count("", 10))
u = "héllo wörld, héllo"
print(u.find("llo"), u.rfind("llo"), u.index("wö"), u.rindex("é"), u.count("é"), u.find("ö", 8))
print(u.find("é", -5), u.count("l", 3, -3), u.rfind("o", 0, 8))
for f in [s.index, s.rindex]:
    try:
        f("z")
    except ValueError as e:
        print("ValueError:", e)
    try:
        f("a", 4, 5)
    except ValueError as e:
        print("ValueError:", e)
for bad in [lambda: s.find(1), lambda: s.count(None), lambda: s.find("a", 1.5),
            lambda: s.index("a", "x"), lambda: s.rfind(), lambda: s.find("a", 1, 2, 3),
            lambda: s.count("a", end=3)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
