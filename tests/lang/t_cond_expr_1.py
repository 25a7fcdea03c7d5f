# conditional expressions: nesting, precedence with or/and/lambda, only the chosen branch is evaluated
def side(tag, v):
    print("  eval", tag)
    return v
print(side("a", 1) if side("cond", True) else side("b", 2))
print(side("a", 1) if side("cond", False) else side("b", 2))
for n in (-5, 0, 5):
    print("neg" if n < 0 else "zero" if n == 0 else "pos")
x = 0
print(x or "fallback" if True else "never", (1 if x else 2) + 10, [a if a % 2 else -a for a in range(5)])
f = lambda v: "big" if v > 10 else "small"
print(f(11), f(3), (lambda: 1 if False else 0)())
