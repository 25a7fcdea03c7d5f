# a linked list class with __iter__, __len__, __repr__, __getitem__, __eq__, used with builtins
class Node:
    def __init__(self, value, next=None):
        self.value, self.next = value, next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for it in reversed(list(items)):
            self.push(it)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        n = self.head
        while n:
            yield n.value
            n = n.next
    def __len__(self):
        return self.size
    def __getitem__(self, i):
        if i < 0:
            i += self.size
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("linked list index out of range")
    def __eq__(self, other):
        return list(self) == list(other)
    def __repr__(self):
        return "LinkedList([" + ", ".join(repr(v) for v in self) + "])"
ll = LinkedList([1, 2, 3])
ll.push(0)
print(ll, len(ll), ll[0], ll[-1], list(ll), sum(ll), max(ll), 2 in ll, sorted(ll, reverse=True))
print(ll == LinkedList(range(4)), ll == [0, 1, 2], LinkedList() == LinkedList([]), bool(LinkedList()))
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)
