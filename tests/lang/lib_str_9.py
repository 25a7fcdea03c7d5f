# replace (count, empty pattern), join (lists, tuples, generators, dicts, errors), expandtabs
s = "the cat sat on the mat"
print(s.replace("at", "og"), s.replace("at", "og", 1), s.replace("at", "og", 0), s.replace("at", "og", -1))
print(s.replace("the ", ""), s.replace("", "|"), "abc".replace("", "-", 2), "".replace("", "x"))
print("aaaa".replace("aa", "b"), "aaa".replace("a", "aa"), "héhé".replace("é", "e"), "x".replace("x", "é"))
print(s.replace("zzz", "y") == s, "abc".replace("b", "", 5), "a.b.c".replace(".", ". ", 1))
print("-".join(["a", "b", "c"]), "".join(["x", "y"]), ", ".join(("1", "2")), "-".join([]),
      "-".join(["solo"]), "·".join("abc"), "+".join(str(i) for i in range(5)),
      "/".join({"k1": 1, "k2": 2}), " ".join(["é", "ü"]), "ab".join(["", "", ""]))
for bad in [lambda: "-".join([1, 2]), lambda: "-".join(["a", None]), lambda: "-".join(5),
            lambda: "-".join(), lambda: "-".join(["a"], ["b"]), lambda: "a".replace("a"),
            lambda: "a".replace(1, "b"), lambda: "a".replace("a", 2), lambda: "a".replace("a", "b", "c"),
            lambda: "a".replace("a", "b", 1, 2), lambda: "a".replace("a", "b", count=1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
for t in ["a\tb\tc", "\t", "ab\tcd\tef", "abcdefgh\ti", "a\tb\nc\td", "x\r\ty", "é\tü\t!"]:
    print(repr(t.expandtabs()), repr(t.expandtabs(4)), repr(t.expandtabs(tabsize=2)),
          repr(t.expandtabs(0)), repr(t.expandtabs(1)), repr(t.expandtabs(-3)))
for bad in [lambda: "a".expandtabs("x"), lambda: "a".expandtabs(4, 5), lambda: "a".expandtabs(size=4)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
