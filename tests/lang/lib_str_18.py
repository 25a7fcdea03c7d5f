# str case mapping and predicates on less common scripts: Latin Extended-B, polytonic Greek, Cherokee, Georgian, digraphs, ligatures
samples = ["ƀɓƃ ƏəƐɛ ǄǅǆǇǈǉ", "ἀἁἈἉ ᾀᾈ ῳῼ ΐΰ", "ᏣᎳᎩ ꭰꭱ Ꭰ", "ლევანი ᲚᲔᲕᲐᲜᲘ", "ﬁﬂﬀ ﬆ ŉ ǰ ẞ ß",
           "ΣΑΣ ΟΔΟΣ. ΟΔΟΣ's Σ", "Ⅻ ⅻ ⓐⒶ ＡＢｃ", "ǲebra ǳ", "ͅ ι", "Ω Å K", "ǅemal ǈubljana", "ꙁꙀ ⰀⰰⱠⱡ"]
for s in samples:
    print(s)
    print(" ", s.upper(), "|", s.lower(), "|", s.title(), "|", s.capitalize(), "|", s.swapcase(), "|", s.casefold())
    print(" ", s.isupper(), s.islower(), s.istitle(), len(s.upper()), len(s.casefold()))
chars = "ªºˀˁʰ·̀ͅ٠१௧౧๑᠐⁰⁴₀①⑴⒈⓪❶½⅓Ⅰↂ〇〡〸㆒㈠㊀一二三四五六七八九十百千万億兆零壹貳參𝟘𝟙𒐀\u00ad\u200b\u2060\ufeff"
for c in chars:
    print(repr(c), c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isalnum(), c.isidentifier(),
          ("x" + c).isidentifier(), c.isprintable(), c.islower(), c.isupper())
print("Straße".casefold() == "STRASSE".casefold(), "ﬁne".upper(), "ᏣᎳᎩ".casefold(), "ΐ".upper(), "ǰ".title())
