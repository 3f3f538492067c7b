# weakref.proxy: use the object through the proxy while it lives.
import weakref


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def deposit(self, n):
        self.balance += n
        return self.balance

    def __call__(self):
        return "called " + self.owner


acct = Account("ann")
p = weakref.proxy(acct)
print(p.owner, p.deposit(10), p.balance, p())
p.balance = 99
print(acct.balance, type(p).__name__, weakref.getweakrefcount(acct))
print(weakref.proxy(acct) is p)
del acct
for action in ("attr", "set", "call"):
    try:
        if action == "attr":
            p.owner
        elif action == "set":
            p.owner = "bob"
        else:
            p()
    except ReferenceError as e:
        print(action, "ReferenceError:", e)
