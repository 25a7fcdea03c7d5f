# split and rsplit: whitespace rules, explicit separators, maxsplit, keywords, errors
texts = ["a b c", "  a  b  c  ", "", "   ", "a,b,,c,", ",a,", "one", "a\tb\nc\r\nd\x0be\x0cf",
         "x  y", "α β\u2003γ", "a::b::c"]
for t in texts:
    print(repr(t), t.split(), t.rsplit(), t.split(None, 1), t.rsplit(None, 1),
          t.split(","), t.rsplit(",", 1), t.split("::"), t.split(maxsplit=0))
print("a b c d".split(" ", 2), "a b c d".rsplit(" ", 2), "a b c d".split(maxsplit=-1))
print("  a b c  ".split(None, 1), "  a b c  ".rsplit(None, 1), "  a b c  ".split(None, 0),
      "  a b c  ".rsplit(None, 0))
print("a,b,c".split(sep=","), "a,b,c".rsplit(sep=",", maxsplit=1), "a,b,c".split(",", maxsplit=1))
print("aaa".split("a"), "aaa".rsplit("aa"), "aXbXc".split("X", 5), "1<>2<>3".rsplit("<>"))
print("héllo wörld".split("ö"), "ÅÄÖ".split("Ä"), "a\u2028b".split())
for bad in [lambda: "a".split(""), lambda: "a".rsplit(""), lambda: "a".split(1),
            lambda: "a".split(",", "x"), lambda: "a".split(",", 1, 2),
            lambda: "a".split(x=1), lambda: "a".split(",", sep=","), lambda: "a".split(maxsplit=None),
            lambda: "a".rsplit(sep=1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
