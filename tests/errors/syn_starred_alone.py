# SyntaxError: starred assignment target must be in a list or tuple
*rest = [1, 2, 3]
