# Dijkstra's shortest paths with a hand-written selection of the nearest node, and path reconstruction
graph = {
    "A": {"B": 7, "C": 9, "F": 14},
    "B": {"A": 7, "C": 10, "D": 15},
    "C": {"A": 9, "B": 10, "D": 11, "F": 2},
    "D": {"B": 15, "C": 11, "E": 6},
    "E": {"D": 6, "F": 9},
    "F": {"A": 14, "C": 2, "E": 9},
}
def dijkstra(g, src):
    dist = {n: float("inf") for n in g}
    prev = {}
    dist[src] = 0
    todo = set(g)
    while todo:
        u = min(sorted(todo), key=lambda n: dist[n])
        todo.remove(u)
        for v, w in g[u].items():
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
                prev[v] = u
    return dist, prev
def path(prev, dst):
    out = [dst]
    while out[-1] in prev:
        out.append(prev[out[-1]])
    return out[::-1]
dist, prev = dijkstra(graph, "A")
print(dist)
for n in sorted(graph):
    print(n, dist[n], "->".join(path(prev, n)))
