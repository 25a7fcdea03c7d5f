# splitlines with every line boundary and keepends; partition and rpartition
t = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029end"
print(t.splitlines())
print(t.splitlines(True))
print(t.splitlines(keepends=True) == t.splitlines(True))
for s in ["", "\n", "a\n", "a\n\nb", "\r\n\r\n", "no newline", "a\r", "a\n\r", "x\n\ny\n"]:
    print(repr(s), s.splitlines(), s.splitlines(keepends=True), s.splitlines(0), s.splitlines(2))
for s in ["key=value", "key=", "=value", "novalue", "a=b=c", "", "=", "é=ü=ö"]:
    print(repr(s), s.partition("="), s.rpartition("="))
print("a::b::c".partition("::"), "a::b::c".rpartition("::"), "abc".partition("abc"))
for bad in [lambda: "a".partition(""), lambda: "a".rpartition(""), lambda: "a".partition(None),
            lambda: "a".rpartition(1), lambda: "a".partition(), lambda: "a".splitlines(1, 2),
            lambda: "a".splitlines("x"), lambda: "a".splitlines(keep=True)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
