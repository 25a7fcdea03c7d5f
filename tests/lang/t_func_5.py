# recursion: factorial, fibonacci, ackermann, hanoi move count, mutual recursion, recursive flatten
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves
def flatten(x):
    if isinstance(x, list):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]
print([fact(n) for n in range(8)], fact(20))
print([fib(n) for n in range(15)])
print(ack(2, 3), ack(3, 3))
m = hanoi(4, "A", "C", "B", [])
print(len(m), m[:3])
print(flatten([1, [2, [3, [4, []]], 5], [[6]]]))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
