# AttributeError on an instance: its own attributes and its class's methods are candidates
class Player:
    def __init__(self, name):
        self.name = name
        self.score = 0

    def add_points(self, n):
        self.score += n

p = Player("ada")
p.add_points(3)
print(p.name, p.scroe)
