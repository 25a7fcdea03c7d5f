# NameError: a local assigned only later in the function is still a candidate
def describe(n):
    label = "small" if n < 10 else "big"
    print(n, label)
    return lenght
    length = n

describe(3)
