# number conversions by hand: Roman numerals both ways, base conversion, digit sums
def to_roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out
def from_roman(s):
    m = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, c in enumerate(s):
        if i + 1 < len(s) and m[c] < m[s[i + 1]]:
            total -= m[c]
        else:
            total += m[c]
    return total
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = ""
    while n:
        n, r = divmod(n, b)
        out = digits[r] + out
    return sign + out
for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999):
    r = to_roman(n)
    print(n, r, from_roman(r) == n)
print(to_base(255, 2), to_base(255, 16), to_base(-255, 7), to_base(0, 3), to_base(2 ** 40, 36))
print(all(int(to_base(n, b), b) == n for n in range(0, 500, 37) for b in range(2, 37)))
print(sum(int(d) for d in str(2 ** 50)), sum(map(int, str(9 ** 19))))
