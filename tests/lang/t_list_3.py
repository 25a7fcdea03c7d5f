# slice assignment and deletion: growing, shrinking, extended slices, negative steps, errors
a = list(range(10))
a[2:5] = ["x"]
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
del a[::3]
print(a)
del a[-2:]
print(a)
b = [1, 2, 3, 4, 5, 6]
b[1:5:2] = ["a", "b"]
print(b, b[::-2], b[-1:-4:-1], b[4:1:-1])
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
c = [1, 2, 3]
c[1:2] = c
print(c)
d = [1, 2, 3]
d[5:] = [4]
print(d, d[-100:100], d[3:1])
