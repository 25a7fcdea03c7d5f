# sorting algorithms written by hand (bubble, insertion, merge, quick) agree with sorted()
import sys
def bubble(a):
    a = a[:]
    for i in range(len(a)):
        for j in range(len(a) - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
    return a
def insertion(a):
    a = a[:]
    for i in range(1, len(a)):
        k, j = a[i], i - 1
        while j >= 0 and a[j] > k:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = k
    return a
def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left, right = merge_sort(a[:mid]), merge_sort(a[mid:])
    out, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i]); i += 1
        else:
            out.append(right[j]); j += 1
    return out + left[i:] + right[j:]
def quick(a):
    if len(a) <= 1:
        return a
    p = a[len(a) // 2]
    return quick([x for x in a if x < p]) + [x for x in a if x == p] + quick([x for x in a if x > p])
seed = 12345
data = []
for _ in range(40):
    seed = (seed * 1103515245 + 12345) % 2147483648
    data.append(seed % 100 - 50)
print(data)
ref = sorted(data)
print(ref)
print(bubble(data) == ref, insertion(data) == ref, merge_sort(data) == ref, quick(data) == ref)
print(merge_sort(["pear", "apple", "fig"]), quick([3.5, -1, 2]), bubble([]), insertion([1]))
