# an error at the bottom of a recursion: the traceback names the innermost line
def countdown(n):
    if n == 0:
        return [][0]
    return countdown(n - 1)

print(countdown(3))
