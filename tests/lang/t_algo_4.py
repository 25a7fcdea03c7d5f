# matrices as nested lists: multiply, transpose with zip, identity, power by squaring, pretty printing
def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def matpow(m, e):
    result = identity(len(m))
    while e:
        if e & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        e >>= 1
    return result
def show(m):
    w = max(len(str(v)) for row in m for v in row)
    for row in m:
        print(" ".join(f"{v:>{w}}" for v in row))
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(matmul(a, b))
print([list(r) for r in zip(*a)])
show(matpow([[1, 1], [1, 0]], 30))
print(matpow([[1, 1], [1, 0]], 40)[0][1], matpow([[2, 0], [0, 3]], 5))
show(identity(3))
