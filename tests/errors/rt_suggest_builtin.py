# NameError: a misspelled builtin function is suggested from the builtins
numbers = [3, 1, 2]
print(sorted(numbers))
prnt(len(numbers))
