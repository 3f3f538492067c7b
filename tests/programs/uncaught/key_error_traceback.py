def lookup(table, key):
    return table[key]

def describe(user):
    return lookup({"ann": "admin"}, user)

def main():
    print(describe("ann"))
    print(describe("bob"))

main()
