# more string methods: expandtabs, count with ranges, index with ranges, str.isprintable, casing round trips
print(repr("a\tb\tc".expandtabs()), repr("a\tbc\td".expandtabs(4)), repr("\t".expandtabs(2)))
print("abcabc".index("c", 3), "abcabc".rindex("a", 0, 4), "aXbXc".split("X", 1))
print("Hello\n".isprintable(), "Hello".isprintable(), "".isprintable())
word = "Mississippi"
print(word.lower().count("ss"), word.upper().replace("SS", "s"), word.swapcase().swapcase() == word)
print(word.find("ss", 3), word.rfind("ss", 0, 5), word[word.find("p"):], word.partition("ss")[2])
