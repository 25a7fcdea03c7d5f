# startswith endswith (tuples, windows) and removeprefix removesuffix
s = "hello world"
print(s.startswith("hello"), s.startswith("world"), s.endswith("world"), s.endswith("hello"))
print(s.startswith(""), s.endswith(""), "".startswith(""), "".endswith("a"))
print(s.startswith("world", 6), s.startswith("wor", 6, 8), s.startswith("wor", 6, 9))
print(s.endswith("hello", 0, 5), s.endswith("lo", 0, -6), s.endswith("o", -1))
print(s.startswith(("x", "he")), s.startswith(("x", "y")), s.endswith(("ld", "zz")), s.startswith(()))
print(s.startswith("", 11), s.startswith("", 12), s.endswith("", 5, 4), s.startswith("h", -100))
u = "ünïcode ☃ snow"
print(u.startswith("ün"), u.endswith("snow"), u.startswith("☃", 8), u.endswith("☃", 0, 9))
for bad in [lambda: s.startswith(1), lambda: s.endswith(["a"]), lambda: s.startswith(("a", 2)),
            lambda: s.endswith("a", "b"), lambda: s.startswith(), lambda: s.endswith("a", 1, 2, 3)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
print("prefix_name".removeprefix("prefix_"), "prefix_name".removeprefix("x"),
      "name.py".removesuffix(".py"), "name.py".removesuffix(".txt"),
      repr("abc".removeprefix("abc")), "abc".removeprefix(""), "abc".removesuffix(""),
      "ab".removeprefix("abc"), "ééa".removeprefix("é"), "aéé".removesuffix("éé"))
for bad in [lambda: "a".removeprefix(1), lambda: "a".removesuffix(None), lambda: "a".removeprefix()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
