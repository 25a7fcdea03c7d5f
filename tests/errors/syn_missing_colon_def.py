# SyntaxError: expected ':' after a def header
def greet(name)
    return "hi " + name
