# return semantics: implicit None, bare return, multiple values as tuple, early return from loops, return in nested defs
def nothing():
    pass
def bare():
    return
def pair():
    return 1, "two"
def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            return i
    return -1
def outer():
    def inner():
        return "inner"
    inner()
    return "outer"
print(nothing(), bare(), pair(), type(pair()).__name__, find([5, 6, 7], 6), find([], 1), outer())
a, b = pair()
print(a, b)
def side_effects():
    print("before return")
    return "value"
    print("unreachable")
print(side_effects())
