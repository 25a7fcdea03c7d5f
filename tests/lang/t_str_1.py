# string indexing and slicing: negative indices, steps, out-of-range slices, reversal
s = "abcdefgh"
print(s[0], s[-1], s[3], s[-3], len(s))
print(s[2:5], s[:3], s[5:], s[-3:], s[:-3], s[:], s[::2], s[1::2], s[::-1], s[::-3])
print(s[5:2], s[2:100], s[-100:2], s[6:2:-1], s[-1:-4:-1], repr(s[3:3]), s[100:])
print(s[1:7:2], s[7:0:-2], s[::-1][::-1] == s)
for bad in (8, -9):
    try:
        s[bad]
    except IndexError as e:
        print("IndexError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
try:
    s["a"]
except TypeError as e:
    print("TypeError:", e)
t = "héllo wörld"
print(len(t), t[1], t[::-1], t.upper())
