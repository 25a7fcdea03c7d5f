# list operators and aliasing: +, *, in, ==, <, references vs copies, nested mutation
a = [1, 2]
b = a
b.append(3)
print(a, a is b, a == [1, 2, 3])
c = a[:]
c.append(4)
print(a, c, a is c)
grid = [[0] * 3] * 2
grid[0][0] = 9
print(grid)
grid2 = [[0] * 3 for _ in range(2)]
grid2[0][0] = 9
print(grid2)
print([1, 2] + [3], [0] * 4, [[1]] * 2, 2 in [1, 2], [1] in [[1], 2], [] * 5)
print([1, 2, 3] < [1, 2, 4], [1, 2] == [1.0, 2.0], [1, [2]] != [1, [3]], [3] > [2, 9])
x = [1, 2]
y = x
x += [3]
print(y, x is y)
x = x + [4]
print(y, x, x is y)
