# dict iteration order, keys of mixed hashable types, dict in boolean context, len and in
d = {}
d[3] = "int"
d["3"] = "str"
d[3.5] = "float"
d[None] = "none"
d[(3,)] = "tuple"
d[False] = "false"
d[0] = "zero overwrites False's value"
print(d)
print(len(d), 0 in d, False in d, 0.0 in d, "3" in d, [k for k in d], bool(d), bool({}))
for k in list(d):
    if isinstance(k, (int, float)) and not isinstance(k, bool):
        del d[k]
print(d)
print({i: str(i) for i in range(5)}.get(4), {"a": {"b": {"c": 1}}}["a"]["b"]["c"])
