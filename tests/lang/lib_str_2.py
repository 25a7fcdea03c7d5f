# str case mapping beyond ASCII: Latin-1, German sharp s, Greek final sigma, Cyrillic
samples = ["café", "ÉCOLE", "über straße", "Ñandú", "ÀÉÎÕÜ àéîõü", "ÿ", "µ",
           "ΑΣ ΑΣΑ Σ", "ΟΔΥΣΣΕΥΣ", "σοφία", "Москва", "привет мир", "ǅemal", "ǆ",
           "İstanbul", "ıi", "ŉ", "ſ", "Ærø ånd Øl", "ĀāĂăĄą", "ŁÓDŹ"]
for w in samples:
    print(w, "|", w.upper(), "|", w.lower(), "|", w.title(), "|", w.capitalize(),
          "|", w.swapcase(), "|", w.casefold(), "|", len(w), len(w.upper()), len(w.lower()))
print("ß".upper(), "ß".title(), "ß".casefold(), "ß".capitalize(), "straße".upper())
print("ΣΑΣ".lower(), "a.Σ".lower(), "Σ".lower(), "ΑΣ.".lower())
print("Straße".casefold() == "STRASSE".casefold())
print("ÉTÉ".lower() == "été", "été".upper() == "ÉTÉ")
