stock = {"apples": 3, "pears": 0}
print(stock.get("apples"), stock.get("kiwis"), stock.get("kiwis", -1))
print(stock.setdefault("plums", 7), stock.setdefault("apples", 100), stock)
stock.update({"pears": 5}, figs=2)
print(stock)
print(stock.pop("figs"), stock.pop("nothing", "gone"), stock)
print(stock.popitem(), stock)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(dict.fromkeys("abc", 0), "a" in counts, "z" not in counts, len(counts))
c2 = counts.copy()
c2.clear()
print(c2, counts == {"m": 1, "i": 4, "s": 4, "p": 2})
try:
    stock["kiwis"]
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
