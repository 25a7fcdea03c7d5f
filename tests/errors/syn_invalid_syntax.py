# SyntaxError: invalid syntax (a doubled operator)
x = 1
y = = 2
print(x)
