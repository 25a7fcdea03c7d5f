# character class predicates on several inputs, including empty strings and unicode
tests = ["abc", "ABC", "Abc", "123", "abc123", " \t\n", "", "Hello World", "_id1", "1id", "-5", "éé"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isalnum(), t.isspace(), t.isupper(), t.islower(),
          t.istitle(), t.isidentifier(), t.isdecimal(), t.isnumeric())
