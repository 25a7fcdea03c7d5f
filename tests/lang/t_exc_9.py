# TypeError messages from common mistakes, as CPython words them
five, nothing = 5, None
cases = [
    lambda: five(),
    lambda: nothing[0],
    lambda: len(5),
    lambda: [1] + "a",
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: -"a",
    lambda: ~1.5,
    lambda: 3 in 5,
    lambda: [x for x in 7],
    lambda: {}.get(),
    lambda: "abc"[1] + 2,
    lambda: (1, 2)[nothing],
    lambda: int("5") + None,
    lambda: "x" * 2.0,
    lambda: {[]: 1},
    lambda: sorted(5),
    lambda: "a".join(5),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
