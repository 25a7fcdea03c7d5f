# searching: find rfind index rindex count startswith endswith (with start/end and tuples), in
s = "the cat sat on the mat"
print(s.find("at"), s.rfind("at"), s.find("at", 6), s.find("at", 6, 9), s.find("dog"), s.find(""))
print(s.index("the"), s.rindex("the"), s.count("at"), s.count("t"), s.count(""), s.count("at", 10))
print(s.startswith("the"), s.startswith("cat", 4), s.startswith(("dog", "the")), s.endswith("mat"))
print(s.endswith(("x", "y")), s.endswith("sat", 0, 11), "at" in s, "dog" not in s, "" in s)
print("aaaa".count("aa"), "aaaa".find("aa", 1), "abc".rfind(""), "abc".find("c", -1))
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("z")
except ValueError as e:
    print("ValueError:", e)
