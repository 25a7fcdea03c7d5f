# Sorting: n pseudo-random ints (a linear congruential generator, so python3,
# asy and any port see the same data) with sorted() and list.sort(reverse=True),
# then n//2 tuples whose first fields collide often, so comparisons reach the
# second field.
import sys


def main(n):
    x = 12345
    nums = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        nums.append(x)

    a = sorted(nums)
    nums.sort(reverse=True)
    pairs = [(v % 1000, v) for v in a[: n // 2]]
    pairs.reverse()
    pairs.sort()
    print(a[0], a[n // 2], a[-1], nums[0], pairs[0], pairs[-1])


main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
