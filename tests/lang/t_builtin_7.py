# any/all and truthiness of mixed sequences, plus their short-circuiting on iterators
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any([0, 0.0, 1]), all([1, 0]))
print(any("abc"), all(""), any({0: 1}), all({1: 0}), any(x for x in []), all(range(1, 5)), all(range(0, 5)))
it = iter([1, 0, 2, 3])
print(all(it), list(it))
it = iter([0, 5, 6])
print(any(it), list(it))
