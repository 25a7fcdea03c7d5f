# larger sorts (more than one run), stability, and list() of many iterables
seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed
nums = [rnd() % 1000 for _ in range(300)]
s1 = sorted(nums)
ok = all(s1[i] <= s1[i + 1] for i in range(len(s1) - 1))
print(ok, len(s1), s1[:10], s1[-5:])
print(sorted(nums, reverse=True)[:10])
recs = [(rnd() % 10, i) for i in range(200)]
by_key = sorted(recs, key=lambda r: r[0])
stable = all(by_key[i][0] < by_key[i + 1][0] or (by_key[i][0] == by_key[i + 1][0] and by_key[i][1] < by_key[i + 1][1]) for i in range(len(by_key) - 1))
print(stable, by_key[:6])
rev = sorted(recs, key=lambda r: r[0], reverse=True)
stable = all(rev[i][0] > rev[i + 1][0] or (rev[i][0] == rev[i + 1][0] and rev[i][1] < rev[i + 1][1]) for i in range(len(rev) - 1))
print(stable, rev[:6])
asc = list(range(100))
asc.sort()
print(asc[:5], asc[-3:])
desc = list(range(100, 0, -1))
desc.sort()
print(desc[:5], desc[-3:])
saw = [i % 17 for i in range(150)]
saw.sort()
print(saw[::15])
fl = [(rnd() % 2000) / 7 for _ in range(100)]
fs = sorted(fl)
print(all(fs[i] <= fs[i + 1] for i in range(99)), fs[0], fs[-1])
strs = [chr(97 + rnd() % 26) + chr(97 + rnd() % 26) for _ in range(120)]
ss = sorted(strs)
print(all(ss[i] <= ss[i + 1] for i in range(119)), ss[:8])
mixed = [rnd() % 50 if i % 2 else (rnd() % 50) / 2 for i in range(90)]
ms = sorted(mixed)
print(all(ms[i] <= ms[i + 1] for i in range(89)), ms[:8])
print(list(), list([]), list(()), list("abc"), list(range(3)), list({1: "a", 2: "b"}))
print(list({1: "a"}.items()), list({1: "a"}.values()), list(x for x in range(3) if x))
print(list(enumerate("ab")), list(zip([1, 2], "ab")), list(map(abs, [-1, 2])))
print(list(reversed([1, 2, 3])), list(filter(None, [0, 1, "", "a"])))
def gen():
    yield 1
    yield 2
print(list(gen()), list(iter([5, 6])))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()))
l = [1, 2, 3]
m = list(l)
m.append(4)
print(l, m, l == m[:3], l is m)
big = [[i, -i] for i in range(5)]
print(sorted(big, key=lambda p: p[1]))
