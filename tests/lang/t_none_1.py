# None: singleton behaviour, comparisons, repr, default return, None in containers and as dict key, TypeErrors on None
x = None
print(x, repr(x), str(x), type(x).__name__, x is None, x == None, x != 0, bool(x))
print([None, None].count(None), {None: "n"}[None], (None,) * 2, None in {None})
def implicit():
    pass
print(implicit() is None, print("printing returns None") is None)
f = None
try:
    f()
except TypeError as e:
    print("TypeError:", e)
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
try:
    for _ in None:
        pass
except TypeError as e:
    print("TypeError:", e)
