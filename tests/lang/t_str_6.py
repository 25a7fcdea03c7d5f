# replace (with count), center/ljust/rjust with fill chars, zfill, repetition and concatenation
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("x", "y"), "aaa".replace("a", "bb"))
print("abc".replace("", "-"), "abc".replace("b", ""), s.replace("one", "1", 0))
print(repr("hi".center(7)), repr("hi".center(6, "*")), repr("hi".ljust(5, ".")), repr("hi".rjust(5, "0")))
print(repr("long".center(2)), repr("ab".center(5, "-")), repr("abc".center(6)))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
print("ab" * 3, 3 * "x", "a" * 0, "a" * -2 == "", "con" + "cat", "-" * 10)
try:
    "ab".center(5, "--")
except TypeError as e:
    print("TypeError:", e)
