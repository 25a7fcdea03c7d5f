# repr, str and __format__ of int, bool and float, directly and through format()
for v in [0, -5, 123456789, True, False, 0.0, -0.0, 1.0, 0.1, 1e16, 1e15, 1.5e-5, 0.0001,
          123456.789, float("inf"), float("nan"), 1e22, 2.5e-300]:
    print(repr(v), str(v), v.__repr__(), v.__str__(), v.__format__(""), format(v))
print(int.__repr__(True), int.__str__(True), bool.__repr__(False), float.__repr__(2.5))
specs = ["d", "5d", "<5", "^7", "+", " ", ",", "_", "x", "#X", "o", "#b", "08.2f", ".3e", "g", "%", "c",
         "=+8", "*>6", ",.2f", "n", ".0f", "e", "_x", "#o"]
for spec in specs:
    out = []
    for v in [42, -1234567, True, 2.5, -0.125]:
        try:
            out.append(v.__format__(spec))
        except (ValueError, TypeError, OverflowError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    print(repr(spec), out)
for f in [lambda: (5).__format__(), lambda: (5).__format__(1), lambda: (5).__format__("d", "x"),
          lambda: (5.0).__format__(2.0), lambda: True.__format__(), lambda: (5).__format__(spec="d"),
          lambda: int.__format__("x", ""), lambda: (5).__repr__(1), lambda: int.__repr__("x"),
          lambda: bool.__repr__(1), lambda: (5).__format__("s"), lambda: True.__format__("s")]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
