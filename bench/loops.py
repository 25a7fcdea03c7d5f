# Loops with arithmetic: a while loop (compare, add, modulo on locals) and
# nested for loops over range (the for-iteration path). Both run n iterations.
import sys


def main(n):
    total = 0
    i = 0
    while i < n:
        total += i % 7 * 3 - 1
        i += 1

    # m*m <= n with m as large as possible, computed without floats.
    m = 1
    while (m + 1) * (m + 1) <= n:
        m += 1
    acc = 0
    for a in range(m):
        for b in range(m):
            acc += a ^ b
    print(total, m, acc)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000)
