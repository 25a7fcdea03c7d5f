# generators as iterables in builtins: sum/any/all/min/max/sorted/zip/enumerate/dict/list; exhaustion after one pass
gen = (n for n in range(1, 6))
print(sum(gen), sum(gen))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in [1, 0]), any(()), all(()))
def short_circuit():
    for x in [1, 2, 3, 4]:
        print("  checking", x)
        yield x > 1
print(any(short_circuit()))
print(min(x % 4 for x in range(3, 8)), max((c for c in "hello")), sorted(x % 3 for x in range(6)))
print(dict((k, k * 2) for k in "ab"), list(enumerate(x for x in "xy")), list(zip((i for i in range(3)), "pq")))
print(", ".join(str(x) for x in range(3)), tuple(i for i in range(2)), set(i % 2 for i in range(5)) == {0, 1})
