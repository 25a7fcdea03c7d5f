# while loops: break, continue, else clause (runs only without break), nested loops, countdowns
n = 0
while n < 10:
    n += 1
    if n % 2 == 0:
        continue
    if n > 7:
        break
    print("odd", n)
else:
    print("not printed: loop broke")
print("after", n)
i = 3
while i:
    i -= 1
else:
    print("else runs when condition becomes false, i =", i)
while False:
    print("never")
else:
    print("else of a loop that never ran")
outer = 0
while outer < 3:
    inner = 0
    while True:
        inner += 1
        if inner >= outer:
            break
    print("outer", outer, "inner", inner)
    outer += 1
count = 0
while count < 4:
    count += 1
print("count", count)
