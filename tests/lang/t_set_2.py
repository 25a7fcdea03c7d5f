# sets of strings used without printing their order: membership, sorted output, dedup, comprehension
words = "the quick brown the lazy quick dog".split()
uniq = set(words)
print(len(uniq), sorted(uniq), "lazy" in uniq, "cat" in uniq)
vowels = {c for c in "programming language" if c in "aeiou"}
print(sorted(vowels), len(vowels))
seen = set()
order = []
for w in words:
    if w not in seen:
        seen.add(w)
        order.append(w)
print(order)
common = set("hello") & set("world")
print(sorted(common), sorted(set("abc") | set("cd")), sorted(set("abc") - set("b")))
print(set() == set([]), {"a"} == {"a"}, {"a", "b"} <= {"a", "b", "c"}, type(set("x")).__name__)
