class InsufficientFunds(Exception):
    pass

class Account:
    interest_rate = 0.02

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has only {self.balance}")
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def add_interest(self):
        self.balance = round(self.balance * (1 + self.interest_rate), 2)

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"

class Savings(Account):
    interest_rate = 0.05

accounts = [Account("ann", 100), Savings("bob", 1000)]
for acc in accounts:
    acc.deposit(50)
    try:
        acc.withdraw(500)
    except InsufficientFunds as e:
        print("refused:", e)
    acc.add_interest()
print(accounts)
print([a.history for a in accounts])
print(sum(a.balance for a in accounts))
try:
    accounts[0].deposit(-5)
except ValueError as e:
    print("ValueError:", e)
