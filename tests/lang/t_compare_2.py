# ordering comparisons between unrelated types raise TypeError with CPython's message
pairs = [(1, "a"), ("a", 1), ([1], (1,)), (None, 0), ({}, {}), (1.5, "x"), ([1], 1)]
for a, b in pairs:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError:", e)
for a, b in [(1, "a"), (None, None)]:
    try:
        print(a >= b)
    except TypeError as e:
        print("TypeError:", e)
print(1 == "1", [] == (), None == "None", 1 != "1")
try:
    sorted([3, "a", 1])
except TypeError as e:
    print("TypeError:", e)
