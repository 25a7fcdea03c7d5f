# dict construction and copying: literals, dict(), fromkeys, comprehension, copy is shallow, order kept
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": 1}, extra=2), dict(), dict(zip("ab", [1, 2])))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), {k: k * k for k in range(4)})
d = {"z": 1, "a": 2, "m": 3}
print(list(d), sorted(d), d)
del d["a"]
d["a"] = 9
print(d)
d["z"] = 100
print(d)
orig = {"list": [1], "n": 1}
cp = orig.copy()
cp["list"].append(2)
cp["n"] = 2
print(orig, cp)
cp.clear()
print(cp, orig)
print({1: "a", 1.0: "b", True: "c"}, {(1, 2): 3, "s": None, 2.5: [1]})
