# Recursive fib: the cost of a Python-level call and return, plus small-int
# compare and add. fib(n) makes 2*fib(n+1) - 1 calls (2,692,537 for n=30).
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
print(fib(n))
