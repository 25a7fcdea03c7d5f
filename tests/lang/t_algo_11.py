# Conway's game of life on a small torus: a glider moves one cell diagonally every 4 generations
W, H = 8, 6
def step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = ((x + dx) % W, (y + dy) % H)
                    counts[k] = counts.get(k, 0) + 1
    return {k for k, n in counts.items() if n == 3 or (n == 2 and k in live)}
def draw(live):
    for y in range(H):
        print("".join("#" if (x, y) in live else "." for x in range(W)))
    print()
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
g = glider
for gen in range(5):
    if gen % 2 == 0:
        print("generation", gen)
        draw(g)
    g = step(g)
g4 = glider
for _ in range(4):
    g4 = step(g4)
print(sorted(g4) == sorted((x + 1, y + 1) for x, y in glider), len(g4))
