# loop helpers: enumerate(start), zip (shortest wins, three-way), reversed, sorted, items, mutation via index
names = ["ann", "bob", "cy"]
ages = [31, 25, 40, 99]
for i, n in enumerate(names, start=1):
    print(i, n)
for n, a in zip(names, ages):
    print(n, a)
print(list(zip("ab", [1, 2], (True, False))), list(zip()), list(zip([1, 2])))
for n in reversed(names):
    print(n, end=",")
print()
nums = [1, 2, 3]
for idx in range(len(nums)):
    nums[idx] *= 10
print(nums)
for k, v in sorted({"b": 2, "a": 1}.items()):
    print(k, v)
pairs = list(enumerate("xyz"))
print(pairs, dict(pairs))
e = enumerate(["p", "q"])
print(next(e), next(e))
