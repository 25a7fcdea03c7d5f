# translate and maketrans: dict tables, three-argument form, deletion, lists as tables, errors
t = str.maketrans("abc", "xyz")
print(sorted(t.items()))
print("aabbcc-abc".translate(t))
t2 = str.maketrans("ae", "AE", "lo")
print(sorted(t2.items()), "hello world".translate(t2))
t3 = str.maketrans({"a": "1", "b": None, 99: "333", "é": 101})
print(sorted(t3.items()), "abcdé".translate(t3))
print("abc".translate({97: None, 98: 66}), "abc".translate({}), "ünï".translate({252: "ue"}))
print("hello".translate({ord("l"): "L", ord("o"): ord("0")}))
print("abc".translate(["-"] * 98), "xyz".maketrans("x", "y"), str.maketrans({}))
for bad in [lambda: str.maketrans("ab", "x"), lambda: str.maketrans({"ab": 1}),
            lambda: str.maketrans({1.5: 1}), lambda: str.maketrans(1), lambda: str.maketrans(),
            lambda: str.maketrans("a", 1), lambda: str.maketrans(1, "a"),
            lambda: str.maketrans("a", "b", 3), lambda: str.maketrans("a", "b", "c", "d"),
            lambda: "abc".translate({97: 1.5}), lambda: "abc".translate({97: -1}),
            lambda: "abc".translate({97: 0x110000}), lambda: "abc".translate(5),
            lambda: "abc".translate()]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
