def compute():
    return undefined_variable * 2

print("start")
compute()
