# every augmented operator on ints, floats, strings, lists; += on a list mutates it in place, on a tuple rebinds
n = 10
for op in ("+=", "-=", "*=", "//=", "%=", "**=", "&=", "|=", "^=", "<<=", ">>="):
    v = n
    if op == "+=": v += 3
    elif op == "-=": v -= 3
    elif op == "*=": v *= 3
    elif op == "//=": v //= 3
    elif op == "%=": v %= 3
    elif op == "**=": v **= 3
    elif op == "&=": v &= 3
    elif op == "|=": v |= 3
    elif op == "^=": v ^= 3
    elif op == "<<=": v <<= 3
    elif op == ">>=": v >>= 3
    print(op, v)
f = 1.5
f /= 2
f *= 3
f -= 0.25
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2]
lst *= 2
print(lst, alias, lst is alias)
t = (1,)
talias = t
t += (2,)
print(t, talias, t is talias)
d = {"n": 1}
d["n"] += 1
d["m"] = d.get("m", 0) + 5
print(d)
class C:
    x = 1
c = C()
c.x += 10
print(c.x, C.x)
