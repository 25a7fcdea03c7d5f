# f-string alignment and fill: < > ^ with widths and fill characters, on str, int and float
name, n, x = "asy", 42, 3.5
print(f"[{name:>8}] [{name:<8}] [{name:^8}] [{name:*^9}] [{name:-<6}] [{name:.>6}]")
print(f"[{n:>6}] [{n:<6}] [{n:^6}] [{n:0>6}] [{n:x^7}] [{n:=+6}] [{-n:=6}]")
print(f"[{x:>8}] [{x:<8}] [{x:^8}] [{x:_^9}] [{x:8}] [{name:8}] [{n:8}]")
print(f"[{'':>3}] [{'toolong':3}] [{True:>6}] [{None!s:>6}] [{[1, 2]!s:^10}]")
w = 10
print(f"[{name:>{w}}] [{name:^{w - 4}}] [{n:{w}d}] [{x:{w}.{2}f}]")
