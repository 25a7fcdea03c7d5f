# SyntaxError: invalid syntax for an else with no if
x = 1
else:
    print(x)
