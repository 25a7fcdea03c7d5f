# SyntaxError: unmatched ')'
print("ok")
print((1 + 2)))
