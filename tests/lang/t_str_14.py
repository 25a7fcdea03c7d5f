# adjacent literal concatenation, triple quotes with embedded quotes, raw strings with backslashes
a = "con" "cat" 'en' """ation"""
print(a)
b = ("line one "
     "line two")
print(b)
c = """He said "hi" and 'bye'
second line\twith tab
"""
print(repr(c))
d = r"C:\new\table" + r'\n'
print(d, len(d))
e = '''a
b'''
print(e.split("\n"), len(e))
print(r"\d+\s*", R"raw\\", "\\d")
