# SyntaxError: closing parenthesis does not match opening bracket
items = [1, 2, 3)
print(items)
