# dict merging |, |=, nested dicts, equality ignores order, dict views compared, counting pattern
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a)
a |= b
print(a)
print({"p": 1, "q": 2} == {"q": 2, "p": 1}, {"p": 1} == {"p": 1.0}, {} == {})
tree = {"root": {"left": {"val": 1}, "right": {"val": 2}}}
tree["root"]["left"]["val"] += 10
print(tree, tree["root"]["right"]["val"])
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
groups = {}
for n in range(10):
    groups.setdefault(n % 3, []).append(n)
print(groups)
print(list(a.values()) == [1, 20, 30], list(reversed(a)), list(reversed(a.items())))
