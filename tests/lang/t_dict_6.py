# dict views: keys() supports set operations (shown sorted), items() membership, views reflect later changes
a = {1: "one", 2: "two", 3: "three"}
b = {2: "zwei", 3: "drei", 4: "vier"}
print(sorted(a.keys() & b.keys()), sorted(a.keys() | b.keys()), sorted(a.keys() - b.keys()), sorted(a.keys() ^ b))
print((1, "one") in a.items(), (1, "uno") in a.items(), 2 in a.keys(), "two" in a.values())
keys, vals = a.keys(), a.values()
a[5] = "five"
del a[1]
print(list(keys), list(vals), len(keys))
print(a.keys() == {2, 3, 5}, list(a.items())[0], sorted(a.values()), max(a.values(), key=len))
inverted = {v: k for k, v in a.items()}
print(inverted)
