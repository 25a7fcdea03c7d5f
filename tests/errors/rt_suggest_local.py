# NameError in a function: a local variable of the failing frame is suggested
def average(values):
    total = sum(values)
    count = len(values)
    result = totl / count
    return result

print("mean of three:")
print(average([1, 2, 3]))
