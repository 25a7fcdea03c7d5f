# in-place set updates and the operators |= &= -= ^=; dummies left by removals
s = {1, 2, 3}
s.update([3, 4], (5,), range(6, 8))
print(s)
s.update()
s.update(s)
print(s)
s.intersection_update([1, 2, 3, 4, 100], range(10))
print(s)
s.intersection_update()
print(s)
s.difference_update([1], {2})
print(s)
s.symmetric_difference_update([3, 9])
print(s)
s.symmetric_difference_update({4: None, 11: None})
print(s)
s.symmetric_difference_update(s)
print(s)
t = {1, 2, 3}
r = t
t |= {4, 5}
t &= {1, 2, 4, 5, 6}
t -= {2}
t ^= {1, 7}
print(t, r is t)
f = frozenset([1, 2])
g = f
f |= {3}
print(f, g, f is g, type(f).__name__)
churn = set(range(32))
for i in range(0, 32, 2):
    churn.discard(i)
print(churn)
for i in range(100, 110):
    churn.add(i)
print(churn)
churn.difference_update(range(1, 32, 2))
print(churn)
churn.difference_update(range(100, 108))
print(churn)
churn.update(range(40, 44))
print(churn)
x = set(range(40))
x.difference_update(set(range(5, 40)))
print(x)
x = set(range(40))
x -= set(range(3, 400))
print(x)
y = set(range(50))
y.intersection_update({49, 1, 25})
print(y)
y.add(9)
print(y)
z = {1, 2}
z.difference_update(z)
print(z)
z = {1, 2}
z.intersection_update(z)
print(z)
w = set()
for i in range(10):
    w.add(i * 8)
for i in range(5):
    w.remove(i * 8)
for i in range(5):
    w.add(i * 8 + 1)
print(w)
p = set(range(16))
print([p.pop() for _ in range(5)], p)
p.update(range(40, 48))
print(p, [p.pop() for _ in range(3)])
