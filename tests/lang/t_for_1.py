# for loops: over lists/strings/dicts/ranges, for-else, break out of nested loops with flags, loop variable after loop
for ch in "abc":
    print(ch, end=" ")
print()
for k in {"x": 1, "y": 2}:
    print(k, end=" ")
print()
for i in range(3):
    pass
print("i after loop", i)
for n in [2, 3, 4, 5, 6, 7]:
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v > 3:
            found = v
            break
    if found is not None:
        break
print("found", found)
for x in []:
    print("never")
else:
    print("else after empty loop")
total = 0
for i in range(10):
    if i % 3 == 0:
        continue
    total += i
print("total", total)
