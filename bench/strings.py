# Strings: f-strings with format specs, str.join over batches of 100, then
# str.split and a few common methods on the result.
import sys


def main(n):
    total = 0
    parts = []
    for i in range(n):
        parts.append(f"item-{i}:{i * 3:>8}/{i % 97:02d}")
        if len(parts) == 100:
            line = ",".join(parts)
            fields = line.split(",")
            total += len(line) + len(fields)
            if fields[0].startswith("item-"):
                total += len(fields[-1].upper().replace(" ", ""))
            parts = []
    print(total)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 500_000)
