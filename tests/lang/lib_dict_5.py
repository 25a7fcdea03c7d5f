# dicts in practice: comprehensions, counting, inverting, nesting, iteration patterns
text = "the quick brown fox jumps over the lazy dog the end"
freq = {}
for w in text.split():
    freq[w] = freq.get(w, 0) + 1
print(freq)
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(max(freq, key=freq.get), min(freq.values()), sum(freq.values()))
squares = {n: n * n for n in range(6)}
print(squares, {v: k for k, v in squares.items()})
print({k: v for k, v in squares.items() if v % 2 == 0})
grid = {(x, y): x * y for x in range(3) for y in range(2)}
print(grid, grid[(2, 1)])
inv = {}
for k, v in {"a": 1, "b": 2, "c": 1}.items():
    inv.setdefault(v, []).append(k)
print(inv)
nested = {"outer": {"inner": {"deep": 1}}}
nested["outer"]["inner"]["deep"] += 1
nested["outer"]["new"] = [1, 2]
print(nested)
people = [{"name": "Ann", "age": 31}, {"name": "Bob", "age": 25}, {"name": "Cy", "age": 31}]
print(sorted(people, key=lambda p: p["age"]))
by_age = {}
for p in people:
    by_age.setdefault(p["age"], []).append(p["name"])
print(by_age)
for i, (k, v) in enumerate(squares.items()):
    if i > 2:
        break
    print(i, k, v)
keys = list(squares)
for k in keys:
    if k % 2:
        del squares[k]
print(squares)
merged = {**{"a": 1}, **{"b": 2, "a": 3}}
print(merged)
print(dict(sorted({"b": 2, "a": 1, "c": 0}.items())))
print(list(zip({"x": 1, "y": 2}, {"x": 1, "y": 2}.values())))
cache = {}
def fib(n):
    if n in cache:
        return cache[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    cache[n] = r
    return r
print(fib(50), len(cache))
