# list mutators: append extend insert pop remove index count clear copy reverse, and their edge cases
a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.extend("ab")
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before-last")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(1), a.count(1), a.count("z"), a.index(9, 2))
b = a.copy()
b.reverse()
print(b, a == b[::-1], b is a)
b.clear()
print(b, len(b), a)
c = []
c += [1, 2]
c *= 2
c[1:3] = []
print(c, [0] * 3, [1, 2] + [3])
