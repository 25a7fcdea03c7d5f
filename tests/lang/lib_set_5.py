# set errors: arity, unhashable items, KeyError, frozenset immutability, unsupported operands
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

check(lambda: set(1))
check(lambda: set(1, 2))
check(lambda: set(x=1))
check(lambda: frozenset(1, 2))
check(lambda: frozenset(5))
check(lambda: set().add())
check(lambda: set().add(1, 2))
check(lambda: set().add([1]))
check(lambda: set().remove(1))
check(lambda: set().remove("k"))
check(lambda: set().remove((1, 2)))
check(lambda: set().remove([1]))
check(lambda: set().discard())
check(lambda: set().discard({1}))
check(lambda: set().pop())
check(lambda: set().pop(1))
check(lambda: set().clear(1))
check(lambda: {1} | [1])
check(lambda: {1} & [1])
check(lambda: {1} - [1])
check(lambda: {1} ^ [1])
check(lambda: [1] | {1})
check(lambda: {1} <= [1])
check(lambda: {1} < 1)
check(lambda: {1} + {2})
check(lambda: {1}.symmetric_difference({1}, {2}))
check(lambda: {1}.symmetric_difference())
check(lambda: {1}.issubset())
check(lambda: {1}.issubset(1))
check(lambda: {1}.issuperset(None))
check(lambda: {1}.isdisjoint(3))
check(lambda: {1}.union(1))
check(lambda: {1}.union([1], 2))
check(lambda: {1}.intersection(1))
check(lambda: {1}.difference(1))
check(lambda: {1}.update(1))
check(lambda: {1}.update([[1]]))
check(lambda: {1}.union(x=1))
check(lambda: {1}.difference_update(1))
check(lambda: {1}.intersection_update(1))
check(lambda: {[1]})
check(lambda: {{1}})
zero = 0
check(lambda: {1}[zero])
check(lambda: frozenset().add)
check(lambda: frozenset().pop())
check(lambda: set.add(frozenset(), 1))
check(lambda: set.add(5, 1))
check(lambda: set.add())
check(lambda: hash({1}))
check(lambda: {1}.__or__())
check(lambda: set.__len__(5))
print({1}.__or__([1]), {1}.__and__(5), {1}.__sub__(None), {1}.__xor__("a"), {1}.__eq__([1]))
print({frozenset()}.__contains__(set()), set() in {frozenset()})
s = {frozenset([1])}
s.remove({1})
print(s)
s.add(frozenset([2]))
s.discard({2})
print(s)
try:
    {1}.remove(2)
except KeyError as e:
    print("KeyError:", e, e.args)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e, e.args)
def it_change():
    x = {1, 2, 3}
    for v in x:
        x.add(v + 10)
check(it_change)
def it_shrink():
    x = {1, 2, 3}
    for v in x:
        x.discard(v)
check(it_shrink)
