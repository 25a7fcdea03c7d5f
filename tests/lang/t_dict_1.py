# dict methods: get, setdefault, pop (with default), popitem LIFO, update forms, views, in, len
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 99), d)
print(d.pop("b"), d.pop("zz", "dflt"), d)
d.update({"x": 10}, y=20)
d.update([("z", 30), ("a", -1)])
print(d, len(d), "x" in d, 10 in d, "y" not in d)
print(d.popitem(), d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()))
ks = d.keys()
d["new"] = 0
print(ks, len(ks), "new" in ks)
print(d.values(), d.items())
for k, v in d.items():
    print(k, "->", v)
e = {}
try:
    e.popitem()
except KeyError as err:
    print("KeyError:", err)
