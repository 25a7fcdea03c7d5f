# indexing, slicing, len, in, iteration and comparison of str, ASCII and multi-byte
s = "hello"
u = "héllo wörld ☃ 𝄞!"
print(len(s), len(u), len(""), len("𝄞"), len("é" * 10))
print(s[0], s[-1], s[1:3], s[::-1], s[::2], s[10:], repr(s[3:1]), s[-100:2])
print(u[1], u[-1], u[-2], u[12], u[6:11], u[::-1], u[::3], u[1::4], u[-3:], u[:-3])
print(u[2:100], repr(u[100:]), u[14:12:-1], u[::-2])
print("é" in u, "wö" in u, "☃ 𝄞" in u, "x" in u, "" in u, "" in "", "héllo" in u)
print([c for c in "aé☃"], list("𝄞x"), tuple("ab"), [ord(c) for c in "é☃𝄞"])
print("abc" < "abd", "abc" < "ab", "" < "a", "é" > "z", "Z" < "a", "abc" == "abc", "a" != "b")
print("apple" <= "apple", "b" >= "a", sorted(["b", "é", "a", "Z", "ä"]), max("hello"), min("hello"))
print(s * 3, 3 * "ab", repr(s * 0), repr("x" * -2), "é" * 2, s + u)
for k in [5, -6, 1.0, "1", None]:
    try:
        print(s[k])
    except (IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
for bad in [lambda: 1 in "abc", lambda: "a" + 1, lambda: "a" * "b", lambda: "a" * 1.5,
            lambda: "a" < 1, lambda: "a" - "b"]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
it = iter("xyé")
print(next(it), next(it), next(it))
