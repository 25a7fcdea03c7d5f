# SyntaxError: '{' was never closed, reported at the opening line
settings = {
    "a": 1,
    "b": 2

print(settings)
