# SyntaxError: unterminated string literal, reported on its line
print("fine")
message = "no closing quote
print(message)
