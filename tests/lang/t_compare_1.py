# comparisons: mixed int/float, chained, lexicographic sequences, strings, None equality
print(1 == 1.0, 2 != 2.0, 1 < 2.5 < 3, 3 > 2 > 2, 1 <= 1 < 2, 5 > 4 == 4)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], (1, "a") < (1, "b"), (2,) > (1, 9, 9))
print("apple" < "banana", "Zebra" < "apple", "abc" < "abd", "ab" < "abc", "" < "a", "a" == "a")
print([1, [2, 3]] == [1, [2, 3]], (1, 2) == (1, 2), [1, 2] == (1, 2), {"a": 1} == {"a": 1})
print(None == None, None == 0, None != False, 0 == False, "" == False, [] == [])
x = 5
print(1 < x < 10, 1 < x > 3, x == 5 == 5.0, 0 < x < 5, not 1 < x)
calls = []
def val(n):
    calls.append(n)
    return n
print(val(1) < val(2) < val(0) < val(5), calls)
print(max("b", "ab", "abc"), min([3, 1], [2, 9]), sorted([(2, "b"), (1, "z"), (2, "a")]))
