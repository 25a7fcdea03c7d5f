# SyntaxError: invalid character (a typographic quote)
x = 1
print(’hello’)
