# text processing: word frequencies, longest words, character histogram, sorted deterministic output
text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity"""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
print(len(words), len(freq), max(words, key=len), sorted({w for w in words if len(w) > 6}))
hist = {}
for ch in text.lower():
    if ch.isalpha():
        hist[ch] = hist.get(ch, 0) + 1
for ch, n in sorted(hist.items(), key=lambda kv: -kv[1])[:5]:
    print(f"{ch}: {'#' * (n // 2)} {n}")
lines = text.splitlines()
print([len(l) for l in lines], [l.count("it") + l.count("It") for l in lines])
print(" ".join(w.capitalize() for w in words[:6]))
