# prime sieve, gcd/lcm by Euclid, prime factorisation, perfect numbers
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
    return [i for i, p in enumerate(is_p) if p]
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
def lcm(a, b):
    return a // gcd(a, b) * b
def factors(n):
    out, d = [], 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out
print(sieve(100))
print(len(sieve(10000)), sieve(10000)[-3:])
print(gcd(48, 18), gcd(17, 5), gcd(0, 9), lcm(4, 6), lcm(21, 6))
print(factors(360), factors(97), factors(600851475143), factors(2 ** 20))
print([n for n in (6, 28, 496, 8128, 12) if sum(d for d in range(1, n // 2 + 1) if n % d == 0) == n])
