# SyntaxError: f-string: single '}' is not allowed
x = 1
print(f"x}")
