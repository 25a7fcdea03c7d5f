# laziness and interleaving: infinite generators consumed partially, evaluation order shown by prints
def naturals():
    n = 0
    while True:
        print("  producing", n)
        yield n
        n += 1
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
print(take(3, naturals()))
def squares(src):
    for x in src:
        print("  squaring", x)
        yield x * x
def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x
pipeline = evens(squares(naturals()))
print(next(pipeline))
print(next(pipeline))
