# Dicts: inserting and looking up int keys (a permutation of range(n)), then
# str keys counted with get() and read back by subscript.
import sys


def main(n):
    d = {}
    for i in range(n):
        d[i * 7919 % n] = i
    hits = 0
    for i in range(0, 2 * n, 2):
        if i in d:
            hits += 1
    total = 0
    for i in range(n):
        total += d[i]

    keys = [f"k{i}" for i in range(n // 10)]
    counts = {}
    for _ in range(5):
        for k in keys:
            counts[k] = counts.get(k, 0) + 1
    for k in keys:
        total += counts[k]
    print(len(d), hits, total, len(counts))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
