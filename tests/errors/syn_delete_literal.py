# SyntaxError: cannot delete literal
x = [1, 2]
del 1
