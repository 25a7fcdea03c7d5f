# str.format and format_map errors, nesting limit, conversions, format_map with __missing__
cases = [("{} {}", (1,), {}), ("{0} {}", (1, 2), {}), ("{} {0}", (1, 2), {}), ("{x}", (), {"y": 1}),
         ("{", (1,), {}), ("}", (1,), {}), ("{0", (1,), {}), ("{0!}", (1,), {}), ("{0!x}", (1,), {}),
         ("{0!rr}", (1,), {}), ("{0!r", (1,), {}), ("{0.}", (1,), {}), ("{0[}", (1,), {}),
         ("{0[0]x}", ([1],), {}), ("{0:{1:{2}}}", (5, 3, 4), {}), ("{0.zz}", (5,), {}),
         ("{0[5]}", ([1],), {}), ("{5}", (1,), {}), ("{}", (), {}), ("{a.b.c}", (), {"a": 1}),
         ("{:d}", ("x",), {}), ("{ 0}", (1,), {}), ("{-1}", (1,), {}), ("{0[a]}", ("abc",), {}),
         ("{0:{", (1,), {}), ("{0:}}", (1,), {}), ("x{}y}", (1,), {}), ("{!}", (1,), {}),
         ("{:", (1,), {}), ("{0!", (1,), {}), ("{0!r:", (1,), {}), ("{:{:{:{}}}}", (1, 2, 3, 4), {}),
         ("{0[]}", ({"": 1},), {}), ("{0[0]", ([1],), {}), ("{:>5.2q}", (1.5,), {}),
         ("{:,s}", ("x",), {}), ("{0:{1}}", ("x", "z"), {}), ("{:=5}", ("s",), {}),
         ("{a b}", (), {"a b": "spaced"}), ("{0]}", (1,), {}), ("{:^+5}", ("s",), {})]
for fmt, args, kwargs in cases:
    try:
        print(repr(fmt), "->", repr(fmt.format(*args, **kwargs)))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as e:
        print(repr(fmt), type(e).__name__ + ":", e)
print("{a} {b}".format_map({"a": 1, "b": 2}))
class Default:
    def __init__(self, **known):
        self.known = known
    def __getitem__(self, key):
        return self.known.get(key, "<" + key + ">")
print("{name} lives in {city}".format_map(Default(name="Ann")))
for fmt, m in [("{0}", {"a": 1}), ("{}", {}), ("{a}", 5), ("{a}", {})]:
    try:
        print(fmt.format_map(m))
    except (ValueError, TypeError, KeyError) as e:
        print(type(e).__name__ + ":", e)
for bad in [lambda: "x".format_map(), lambda: "x".format_map({}, {})]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
