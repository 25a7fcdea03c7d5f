# comprehension variables do not leak; generator expressions bind the first iterable eagerly
x = "before"
squares = [x * x for x in range(4)]
print(x, squares)
n = 10
data = [1, 2]
gen = (v + n for v in data)
data = [100]
n = 1000
print(list(gen))
d = {k: v for k, v in [("a", 1)]}
print(d)
try:
    print(k)
except NameError as e:
    print("NameError:", e)
