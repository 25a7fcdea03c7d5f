# strip lstrip rstrip, center ljust rjust zfill
for s in ["  hi  ", "\t\n hi \r\n", "xxhixx", "", "   ", "hi", "\u3000wide\u2003", "..a.b.."]:
    print(repr(s), repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("x")),
          repr(s.strip(".")), repr(s.strip(None)), repr(s.rstrip(" h")), repr(s.lstrip("")))
print(repr("www.example.com".strip("cmowz.")), repr("éaéhiéa".strip("éa")), repr("abc".strip("abc")))
for w in [0, 3, 5, 6, 7, 10, -2]:
    print(w, repr("abc".center(w)), repr("ab".center(w, "*")), repr("abc".ljust(w, "-")),
          repr("abc".rjust(w, "é")), repr("é".center(w, "·")))
for s in ["42", "-42", "+42", "", "abc", "-", "3.14", "-0.5e3", "ünï"]:
    print(repr(s), s.zfill(0), s.zfill(3), s.zfill(6), "[" + s.zfill(1) + "]")
for bad in [lambda: "a".strip(1), lambda: "a".lstrip([]), lambda: "a".rstrip("a", "b"),
            lambda: "a".center(), lambda: "a".center(5, ""), lambda: "a".center(5, "ab"),
            lambda: "a".ljust(5, 1), lambda: "a".rjust("5"), lambda: "a".zfill(None),
            lambda: "a".zfill(), lambda: "a".center(5, " ", 1), lambda: "a".ljust(2.5),
            lambda: "a".strip(chars="a")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
