# list() and tuple() constructors from many iterables, plus recursive list repr
print(list("abc"), list(range(3)), list((1, 2)), list({"a": 1, "b": 2}), list({"a": 1}.items()))
print(list(x * 2 for x in range(3)), list(), list([]), list(map(str, [1, 2])), list(reversed([1, 2, 3])))
print(tuple([1, 2]), tuple("hi"), tuple(range(2)), tuple(), tuple({1: 2}))
a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a)
d = {"self": None}
d["self"] = d
print(d)
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
