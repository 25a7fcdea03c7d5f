# building strings: join vs +=, str() of numbers inside, multiline report via a list of lines, centered banner
rows = [("alpha", 1, 0.5), ("beta", 22, 12.25), ("gamma", 333, 100.0)]
lines = []
for name, n, x in rows:
    lines.append(name.ljust(8) + str(n).rjust(5) + f"{x:9.2f}")
report = "\n".join(lines)
print(report)
print(len(report), report.count("\n"), report.splitlines()[1].split())
banner = " asy ".center(21, "=")
print(banner, len(banner))
acc = ""
for i in range(5):
    acc += str(i) * i
print(acc, "".join(str(i) * i for i in range(5)) == acc)
csv = "name,age\nann,31\nbob,25\n"
records = [dict(zip(csv.splitlines()[0].split(","), line.split(","))) for line in csv.splitlines()[1:]]
print(records, sum(int(r["age"]) for r in records))
print("|".join(f"{w:^7}" for w in ("a", "bb", "ccc")), "+".join(["-" * 7] * 3))
