# function objects: __name__, __doc__, functions stored in containers, passed and returned, identity
def add(a, b):
    "Add two things."
    return a + b
def nodoc():
    pass
print(add.__name__, add.__doc__, nodoc.__doc__, nodoc(), (lambda: 0).__name__)
ops = {"+": add, "*": lambda a, b: a * b}
print(ops["+"](2, 3), ops["*"](2, 3), sorted(ops))
def compose(f, g):
    def h(x):
        return f(g(x))
    return h
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose(str, abs)(-3))
alias = add
print(alias is add, alias(1, 1), callable(add), callable(3), type(add).__name__)
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(dbl, 10, 1), apply_n(str.upper, 1, "ok"))
