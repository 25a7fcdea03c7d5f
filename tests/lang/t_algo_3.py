# binary search (iterative and recursive), bisect-style insertion points, searching in sorted data
def bsearch(a, x):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
def bsearch_rec(a, x, lo=0, hi=None):
    if hi is None:
        hi = len(a)
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if a[mid] == x:
        return mid
    return bsearch_rec(a, x, mid + 1, hi) if a[mid] < x else bsearch_rec(a, x, lo, mid)
def insertion_point(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
data = list(range(0, 100, 7))
print(data)
print([bsearch(data, x) for x in (0, 7, 49, 98, 5, 100, -1)])
print([bsearch_rec(data, x) for x in (0, 7, 49, 98, 5, 100, -1)])
print([insertion_point(data, x) for x in (-5, 0, 1, 50, 98, 99)])
words = sorted("the quick brown fox jumps over the lazy dog".split())
print(words, bsearch(words, "fox"), bsearch(words, "cat"), insertion_point(words, "cat"))
