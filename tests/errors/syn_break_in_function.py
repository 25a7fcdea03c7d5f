# SyntaxError: 'break' outside loop, inside a function body nested in a loop
for i in range(3):
    def f():
        break
