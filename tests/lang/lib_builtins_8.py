# hash and id consistency, callable builtins as values, builtins shadowing
print(hash(1) == hash(1.0) == hash(True), hash("a") == hash("a"), hash((1, "a")) == hash((1, "a")))
print(hash(0) == hash(0.0) == hash(False), hash(-1) == hash(-1.0), hash(frozenset([1])) == hash(frozenset([1])))
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), id(None) == id(None), id(5) == id(5), isinstance(id(a), int))
print(type(hash("x")).__name__, type(id(1)).__name__)
fns = [len, abs, min, max, sum, sorted, repr, str, int]
print([f("12") if f in (int, str, repr, len) else None for f in fns[:1] + fns[6:]])
print(list(map(abs, [-1, 2, -3])), list(map(len, ["", "ab"])), sorted(["b", "A", "c"], key=str.lower))
print(max(["a", "bb"], key=len), min([3, 4], key=lambda x: -x))
len_ = len
def len(x):
    return "shadowed"
print(len([1, 2]), len_([1, 2]))
del len
print(len([1, 2]))
print(type(print).__name__, type(len).__name__)
print(repr(len), repr(print))
def total(*nums, start=0):
    return sum(nums, start)
print(total(1, 2, 3), total(start=10))
print(sorted(map(str, range(12)), key=int), sorted(map(str, range(12))))
print(any(map(str.isdigit, "ab1")), all(map(str.isalpha, "abc")))
print(divmod(*divmod(17, 5)), pow(*[2, 5]), round(*[2.567, 1]))
print(isinstance(print, type(len)), callable(type))
