# lambda: defaults, keyword args, conditional bodies, immediately invoked, as sort keys, returning tuples
sq = lambda x: x * x
print(sq(7), (lambda a, b=10: a + b)(1), (lambda *a, **k: (a, k))(1, z=2), (lambda: "none")())
sign = lambda n: "neg" if n < 0 else ("zero" if n == 0 else "pos")
print([sign(n) for n in (-2, 0, 3)])
people = [("ann", 31), ("bob", 25), ("cy", 31)]
print(sorted(people, key=lambda p: (-p[1], p[0])), max(people, key=lambda p: p[1]))
swap = lambda t: (t[1], t[0])
print(swap((1, 2)), list(map(lambda x: x % 3, range(7))), list(filter(lambda s: s.strip(), ["a", " ", "", "b"])))
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
