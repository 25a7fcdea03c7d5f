# SyntaxError: invalid decimal literal (a trailing underscore)
x = 1_
