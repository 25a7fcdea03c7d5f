# strings as sequences: iteration, in, reversed, sorted, min/max, list(), enumerate, comparisons
s = "banana"
print(list(s), sorted(s), "".join(sorted(s)), "".join(reversed(s)), min(s), max(s))
print([i for i, c in enumerate(s) if c == "a"], s.count("an"), "nan" in s, "ana" * 2)
for c in "abc":
    print(c, end="|")
print()
print(sorted(["banana", "Apple", "cherry", "apple"]), sorted(["b", "a", "B"], key=str.lower))
print(str(123) + str(4.5) + str(None) + str([1, "a"]) + str(True), len(str(10 ** 6)))
print("abc" < "abd" < "b", "a" * 3 == "aaa", "x".join("123"), tuple("hi"), set("aaa") == {"a"})
