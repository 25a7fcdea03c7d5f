# str method arity and type errors, worded as CPython words them for each kind of method
calls = [
    ("upper(1)", lambda: "a".upper(1)), ("lower(x=1)", lambda: "a".lower(x=1)),
    ("isdigit(1, 2)", lambda: "a".isdigit(1, 2)), ("join()", lambda: "a".join()),
    ("join(1, 2)", lambda: "a".join(1, 2)), ("join(x=1)", lambda: "a".join(x=[])),
    ("center()", lambda: "a".center()), ("center(1, 2, 3)", lambda: "a".center(1, " ", 3)),
    ("center(w=1)", lambda: "a".center(width=1)), ("ljust(None)", lambda: "a".ljust(None)),
    ("count()", lambda: "a".count()), ("find(1,2,3,4)", lambda: "a".find("a", 1, 2, 3)),
    ("find(kw)", lambda: "a".find(sub="a")), ("startswith()", lambda: "a".startswith()),
    ("strip(1, 2)", lambda: "a".strip(" ", " ")), ("lstrip(1)", lambda: "a".lstrip(1)),
    ("rstrip(kw)", lambda: "a".rstrip(chars=" ")), ("replace()", lambda: "a".replace()),
    ("replace(1)", lambda: "a".replace("a")), ("replace(4)", lambda: "a".replace("a", "b", 1, 2)),
    ("partition(1, 2)", lambda: "a".partition("a", "b")), ("zfill(1, 2)", lambda: "a".zfill(1, 2)),
    ("split(1,2,3)", lambda: "a".split(",", 1, 2)), ("rsplit(bad)", lambda: "a".rsplit(foo=1)),
    ("splitlines(1, 2)", lambda: "a".splitlines(True, 1)), ("expandtabs(1, 2)", lambda: "a".expandtabs(1, 2)),
    ("translate()", lambda: "a".translate()), ("format_map()", lambda: "a".format_map()),
    ("removeprefix(1, 2)", lambda: "a".removeprefix("a", "b")), ("maketrans(kw)", lambda: str.maketrans(x="a")),
    ("__len__(1)", lambda: "a".__len__(1)), ("__getitem__()", lambda: "a".__getitem__()),
    ("__contains__(1, 2)", lambda: "a".__contains__(1, 2)), ("__mul__()", lambda: "a".__mul__()),
    ("__add__(kw)", lambda: "a".__add__(x=1)), ("__format__()", lambda: "a".__format__()),
    ("__format__(1)", lambda: "a".__format__(1)), ("str.upper(5)", lambda: str.upper(5)),
    ("str.upper()", lambda: str.upper()), ("str.split(None)", lambda: str.split(None)),
    ("str.__len__()", lambda: str.__len__()), ("str.__len__(5)", lambda: str.__len__(5)),
    ("str.join(1, [])", lambda: str.join(1, [])),
]
for label, f in calls:
    try:
        print(label, "->", repr(f()))
    except TypeError as e:
        print(label, "TypeError:", e)
print(str.upper("abc"), str.split("a b"), str.join("-", "xyz"), str.__len__("héllo"))
print(str.count("banana", "a"), str.replace("aaa", "a", "b", 2), str.center("x", 3, "*"))
