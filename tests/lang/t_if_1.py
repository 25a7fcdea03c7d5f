# if/elif/else chains, nested ifs, truthiness of containers and numbers, one-line if bodies
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        if n % 2:
            return "small odd"
        else:
            return "small even"
    else:
        return "large"
print([classify(n) for n in (-5, 0, 3, 4, 10, 99)])
for v in [0, 1, "", "x", [], [0], {}, None, 0.0, -0.1]:
    if v: print(repr(v), "truthy")
    else: print(repr(v), "falsy")
x = 5
if x > 3: print("one-liner"); print("second statement")
if x > 100:
    pass
elif x:
    print("elif taken")
if not x or x > 4 and x < 6:
    print("precedence: and binds tighter than or")
