# membership and identity: in/not in across container types, is/is not with None and shared objects
print(2 in [1, 2], 2 in (1, 2), 2 in {2: "x"}, "x" in {2: "x"}, 2 in {1, 2}, 3 in range(5), "bc" in "abcd")
print(5 not in [1], "z" not in "abc", [1] in [[1], 2], (1, 2) in [(1, 2)], None in [None], 1.0 in [1])
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, a is not c, None is None, type(None) is type(None))
def nothing():
    pass
print(nothing() is None, [] is [], () == (), isinstance(None, type(None)))
print("" in "", "" in "abc", [] in [[]], {} in [{}])
