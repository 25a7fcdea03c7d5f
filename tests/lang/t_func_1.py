# default arguments: evaluated once at definition (mutable default pitfall), None idiom, defaults referencing globals
def append_to(x, bucket=[]):
    bucket.append(x)
    return bucket
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def safe_append(x, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(x)
    return bucket
print(safe_append(1), safe_append(2))
rate = 10
def price(amount, r=rate):
    return amount * r
rate = 20
print(price(2), price(2, rate))
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(punct=".", name="Di"))
