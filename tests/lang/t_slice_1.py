# slices: out-of-range clamping, negative steps, omitted parts, slice objects, slicing tuples/ranges/strings alike
seq = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
for s in [slice(None), slice(2, 8, 3), slice(-3, None), slice(None, -7), slice(8, 2, -2), slice(-1, -11, -1),
          slice(100, 200), slice(-100, 3), slice(5, 5), slice(None, None, -4), slice(1, None, 100)]:
    print(s, seq[s], tuple(seq)[s], "abcdefghij"[s], list(range(10)[s]) == seq[s])
sl = slice(1, 4)
print(sl.start, sl.stop, sl.step, seq[sl], "hello"[sl])
try:
    seq[::0]
except ValueError as e:
    print("ValueError:", e)
