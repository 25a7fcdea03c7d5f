# iterator pipelines: chaining builtins lazily, consumption order and short-circuiting
log = []
def src(n):
    for i in range(n):
        log.append("gen %d" % i)
        yield i
def double(x):
    log.append("double %d" % x)
    return 2 * x
pipe = map(double, filter(lambda x: x % 2 == 0, src(6)))
print(log)
print(next(pipe), log)
print(list(pipe))
print(log)
log.clear()
print(any(x > 2 for x in src(10)), log)
log.clear()
print(all(x < 2 for x in src(10)), log)
log.clear()
print(sum(src(4)), max(src(3)), min(src(3), default=None), sorted(src(3), reverse=True))
print(len(log))
words = ["alpha", "beta", "gamma", "delta"]
print(list(enumerate(map(len, words), 1)))
print(dict(zip(words, map(len, words))))
print(list(zip(*[iter(range(9))] * 3)))
print(sorted(zip(map(len, words), words)))
print(list(filter(None, map(lambda w: w if "l" in w else "", words))))
print([i for i, w in enumerate(words) if w.endswith("a")])
print(list(map(lambda t: t[0] + t[1], zip(range(3), range(10, 13)))))
it = iter(range(10))
print(list(zip(it, it)))
it = iter(range(5))
first = next(it)
rest = list(it)
print(first, rest)
nested = [[1, 2], [3], [], [4, 5, 6]]
flat = [x for sub in nested for x in sub]
print(flat, sum(map(len, nested)), max(nested, key=len), min(map(sum, filter(None, nested))))
total = 0
for idx, (a, b) in enumerate(zip("xyz", reversed(range(3)))):
    total += idx * b
    print(idx, a, b)
print(total)
m = map(int, "123")
print(list(m), list(m))
z = zip([1, 2, 3], [4])
print(list(z), list(z))
r = reversed(range(3))
print(list(r), list(r))
e = enumerate("ab")
print(list(e), list(e))
