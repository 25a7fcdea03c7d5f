# map/filter/zip are lazy iterators: consumed once, evaluated on demand, map with several iterables
log = []
def noisy(x):
    log.append(x)
    return x * 10
m = map(noisy, [1, 2, 3])
print(log, type(m).__name__)
print(next(m), log)
print(list(m), log, list(m))
f = filter(None, [0, 1, "", "a", None, [], [0]])
print(list(f), list(f))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str.upper, "abc")))
z = zip([1, 2, 3], "ab")
print(next(z), list(z), list(z))
print(sum(map(int, "12345")), any(map(lambda x: x > 4, [1, 5])), list(filter(lambda x: x % 2, range(10))))
