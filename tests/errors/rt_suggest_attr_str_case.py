# AttributeError: a method name in the wrong case
word = "hello"
print(word.Upper())
