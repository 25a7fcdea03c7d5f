# list.sort and sorted: keys, reverse, stability, mixed numbers, errors, mutation during sort
a = [5, 2, 9, 1, 5, 6, -3, 0]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
print(sorted([3.5, -1.25, 2.0, 1e10, -0.0, 0.0]))
print(sorted([3, 1.5, True, -2, False, 2.0, 2]))
print(sorted(["pear", "Apple", "apple", "banana", "", "b"]))
print(sorted(["é", "e", "z", "ä", "a"]))
words = ["bb", "a", "ccc", "dd", "e", "fff", "g"]
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "y"), (2, "c")]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted(pairs))
print(sorted(pairs, reverse=True))
print(sorted({3: "c", 1: "a", 2: "b"}))
print(sorted({5, 1, 3}))
print(sorted("hello"))
print(sorted(range(5), reverse=True))
print(sorted(x % 7 for x in range(20)))
print(sorted([]), sorted([1]), sorted((2, 1)))
print(sorted([[2, 1], [1, 2], [1], []]))
def noisy(x):
    print("key", x)
    return -x
print(sorted([1, 3, 2], key=noisy))
print(sorted([7], key=noisy))
print(sorted([3, 1, 2], key=None), sorted([3, 1, 2], reverse=0))
b = [3, 1, 2]
r = b.sort()
print(r, b)
try:
    [1, "a", 3].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([3, "a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, 2, None, 3])
except TypeError as e:
    print("TypeError:", e)
c = [4, 3, 2, "x", 1]
try:
    c.sort()
except TypeError as e:
    print("TypeError:", e)
print(c)
d = [5, 1, 4, "y", 2]
try:
    d.sort(reverse=True)
except TypeError as e:
    print("TypeError:", e)
print(d)
def bad_key(x):
    if x == 3:
        raise ValueError("no 3")
    return x
e = [4, 3, 1]
try:
    e.sort(key=bad_key)
except ValueError as err:
    print("ValueError:", err)
print(e)
f = [3, 2, 1]
def grow(x):
    f.append(x)
    return x
try:
    f.sort(key=grow)
except ValueError as err:
    print("ValueError:", err)
print(f)
g = [3, 2, 1]
def peek(x):
    print("during sort:", g)
    return x
g.sort(key=peek)
print(g)
print(sorted([2, 1], key=lambda x: [x]))
print(sorted([(1, 2), (1, 1), (0, 5)], key=lambda t: t[1]))
print(sorted([1, 2, 3, 4, 5, 6], key=lambda x: x % 2))
print(sorted([1, 2, 3, 4, 5, 6], key=lambda x: x % 2, reverse=True))
