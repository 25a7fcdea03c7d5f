# float division by zero deep in an expression
def average(xs):
    return sum(xs) / len(xs)

print(average([1.5, 2.5]))
print(average([]))
