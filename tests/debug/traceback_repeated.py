# asy-only harness, CPython text: the whole stderr of an uncaught error from
# recursion, as python3 prints it (runs of identical traceback lines cut to 3,
# "[Previous line repeated N more times]").
def f(n):
    return f(n + 1)
def a(n): return b(n)
def b(n): return a(n) if n < 5000 else 1/0
import sys
try:
    f(0)
except RecursionError as e:
    print("caught", e)
sys.setrecursionlimit(3000)
def g(n):
    if n == 0:
        raise ValueError("bottom")
    return g(n - 1)
def h():
    g(4)
h()
