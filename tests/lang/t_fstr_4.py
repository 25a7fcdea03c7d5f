# f-string expressions: conversions !r !s, = self-documenting, nested quotes, braces escaping, calls
name = "Ada"
items = [1, 2, 3]
d = {"k": "v"}
print(f"{name!r} {name!s} {name}")
print(f"{name=} {len(items)=} {1 + 1=}")
print(f"{{literal}} {{{name}}} {items[0] + items[-1]} {d['k']} {d.get('x', 'def')}")
print(f"{'quoted'} {name.upper()} {name[::-1]} {'sq' if name else 'no'}")
print(f"{items} {tuple(items)} {[x * 2 for x in items]} {sum(items) / len(items):.2f}")
print(f"{3 if items else 4} {(lambda v: v * 10)(4)} {'-'.join(str(i) for i in items)}")
w = 3
print(f"{'x':{'>' if w else '<'}{w}}|", f"{name!r:>8}|", f"{3.14159:.{w}f}")
print(f"""triple {name}
second line {len(name)}""")
print(f"a" f"b{name}" "c", F"upper F {w}", rf"raw\t{w}", fr"{w}\n")
