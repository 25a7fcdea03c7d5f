# sorted, reversed, enumerate, zip, map, filter on varied inputs, including edge cases
print(sorted([3, 1, 2], reverse=True), sorted("hello"), sorted({"b": 1, "a": 2}.items()), sorted([]))
print(list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))), list(reversed([])))
print(list(enumerate("ab")), list(enumerate([], 5)), list(enumerate("xy", -1)))
print(list(zip(range(3), "abcd", [True] * 5)), dict(zip("abc", range(3))))
print(list(map(len, ["", "a", "ab"])), list(map(pow, [2, 3], [3, 2])), list(filter(str.isdigit, "a1b2c3")))
print(list(filter(lambda x: x, [0, "", None, 1, "a"])), list(map(lambda p: p[0] * p[1], zip([1, 2], [3, 4]))))
try:
    reversed({1: 2}.keys()) and print("dict keys are reversible")
except TypeError as e:
    print("TypeError:", e)
try:
    reversed(x for x in [1])
except TypeError as e:
    print("TypeError:", e)
