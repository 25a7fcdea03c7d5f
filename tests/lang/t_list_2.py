# sorting: sort/sorted with key and reverse, stability, sorting tuples and strings, sorted returns new list
words = ["banana", "Apple", "cherry", "apple", "date", "Fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: (-p[1], p[0])))
nums = [5, -3, 2, -8, 0]
nums.sort()
print(nums)
nums.sort(key=abs, reverse=True)
print(nums)
nums.sort(reverse=True)
print(nums, sorted(nums) is nums, sorted([]), sorted((3, 1, 2)), sorted("cab"), sorted({3: 1, 1: 2}))
stable = [(1, "x"), (0, "y"), (1, "a"), (0, "b")]
stable.sort(key=lambda t: t[0], reverse=True)
print(stable)
print(sorted([1.5, 1, True, 0.5, -2]), sorted([[2], [1, 5], [1]]))
