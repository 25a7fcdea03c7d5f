# dict errors: KeyError repr of key, del missing, unhashable keys, mutation during iteration
d = {"a": 1, 2: "two", (1, 2): "t"}
for key in ["missing", 3, (9,), None, "it's"]:
    try:
        d[key]
    except KeyError as e:
        print("KeyError:", e, repr(e), e.args)
try:
    del d["nope"]
except KeyError as e:
    print("KeyError:", e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    d[{}]
except TypeError as e:
    print("TypeError:", e)
try:
    for k in d:
        d["new"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)
