# SyntaxError: cannot assign to lambda
lambda x: x = 1
