# SyntaxError: expected ':' after a class header
class Point
    pass
