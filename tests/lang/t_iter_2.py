# iterator exhaustion and sharing: one iterator consumed by two loops, zip on the same iterator, dict iteration
it = iter(range(6))
for x in it:
    if x == 2:
        break
print("rest:", list(it))
it2 = iter([1, 2, 3, 4, 5, 6])
print(list(zip(it2, it2)))
d = {"a": 1, "b": 2, "c": 3}
ki = iter(d)
print(next(ki), list(ki))
vi = iter(d.values())
ii = iter(d.items())
print(next(vi), next(ii), list(ii))
words = iter("one two three".split())
first = next(words)
print(first, [w.upper() for w in words])
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
