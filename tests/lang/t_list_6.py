# list comprehensions: filters, nested loops, nested comprehensions, conditional expressions inside
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print([c.upper() if c in "aeiou" else c for c in "education"])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix], [[row[i] for row in matrix] for i in range(3)])
print([n for row in matrix for n in row if n % 2], [len(w) for w in "the quick brown fox".split()])
x = "outer"
print([x for x in "ab"], x)
print([i + j for i, j in zip([1, 2], [10, 20])], [k for k, v in {"a": 1, "b": 2}.items() if v > 1])
