# __eq__ affects list membership, index, count, remove and dict/set lookups only with a matching __hash__
class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __eq__(self, other):
        return (self.rank, self.suit) == (other.rank, other.suit)
    def __hash__(self):
        return hash((self.rank, self.suit))
    def __repr__(self):
        return f"{self.rank}{self.suit}"
hand = [Card("A", "s"), Card(10, "h"), Card("A", "s")]
print(Card("A", "s") in hand, hand.count(Card("A", "s")), hand.index(Card(10, "h")))
hand.remove(Card("A", "s"))
print(hand, len(set(hand + [Card(10, "h")])))
tally = {}
for c in [Card("K", "d"), Card("K", "d"), Card("Q", "d")]:
    tally[c] = tally.get(c, 0) + 1
print(tally)
