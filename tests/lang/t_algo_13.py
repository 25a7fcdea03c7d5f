# a bank account simulation: classes, custom exceptions, a transaction log, and a summary report
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.shortfall = needed - available
class Account:
    def __init__(self, owner, balance=0):
        self.owner, self.balance, self.log = owner, balance, []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.log.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.log.append(("withdraw", amount))
    def transfer(self, other, amount):
        self.withdraw(amount)
        other.deposit(amount)
    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"
a, b = Account("ann", 100), Account("bob")
ops = [(a.deposit, 50), (a.withdraw, 30), (a.transfer, b, 70), (b.withdraw, 100), (a.deposit, -5), (b.transfer, a, 20)]
for op, *args in ops:
    try:
        op(*args)
        print("ok  ", op.__name__, args[-1], a, b)
    except InsufficientFunds as e:
        print("fail", op.__name__, e, "short by", e.shortfall)
    except ValueError as e:
        print("fail", op.__name__, e)
print(a.log, b.log)
print(f"{'owner':<6}{'balance':>8}")
for acct in (a, b):
    print(f"{acct.owner:<6}{acct.balance:>8.2f}")
