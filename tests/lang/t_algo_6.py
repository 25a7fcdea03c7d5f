# graph algorithms on dicts: BFS shortest path, DFS order, cycle detection, topological sort
graph = {
    "a": ["b", "c"],
    "b": ["d"],
    "c": ["d", "e"],
    "d": ["f"],
    "e": ["f"],
    "f": [],
}
def bfs_path(g, start, goal):
    queue = [[start]]
    seen = {start}
    while queue:
        path = queue.pop(0)
        node = path[-1]
        if node == goal:
            return path
        for nxt in g[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(path + [nxt])
    return None
def dfs(g, node, seen=None):
    if seen is None:
        seen = []
    seen.append(node)
    for nxt in g[node]:
        if nxt not in seen:
            dfs(g, nxt, seen)
    return seen
def topo(g):
    indeg = {n: 0 for n in g}
    for n in g:
        for m in g[n]:
            indeg[m] += 1
    ready = sorted(n for n in g if indeg[n] == 0)
    order = []
    while ready:
        n = ready.pop(0)
        order.append(n)
        for m in g[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    return order if len(order) == len(g) else "cycle"
print(bfs_path(graph, "a", "f"), bfs_path(graph, "b", "e"), dfs(graph, "a"), topo(graph))
graph["f"].append("a")
print(topo(graph))
