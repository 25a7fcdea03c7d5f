# list error messages: index/pop/remove/index-not-found, bad index types, unhashable, concat errors
a = [1, 2, 3]
tests = [
    lambda: a[3],
    lambda: a[-4],
    lambda: [].pop(),
    lambda: a.pop(10),
    lambda: a.remove(7),
    lambda: a.index(7),
    lambda: a["1"],
    lambda: a[1.0],
    lambda: a + (4,),
    lambda: a + 1,
    lambda: {a: 1},
    lambda: a * "2",
    lambda: a.insert(),
]
for t in tests:
    try:
        t()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
def assign():
    a[5] = 1
try:
    assign()
except IndexError as e:
    print("IndexError:", e)
