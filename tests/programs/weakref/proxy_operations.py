# A weakref.proxy stands for its object everywhere: attributes, calls, len, items, `in`,
# iteration, operators, comparisons, str and truth are the object's, without keeping it
# alive. Once the object is gone, each of them raises ReferenceError.
import sys
import weakref


class Deck:
    def __init__(self, cards):
        self.cards = list(cards)

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, i):
        return self.cards[i]

    def __setitem__(self, i, v):
        self.cards[i] = v

    def __delitem__(self, i):
        del self.cards[i]

    def __iter__(self):
        return iter(self.cards)

    def __contains__(self, card):
        return card in self.cards

    def __add__(self, other):
        return Deck(self.cards + list(other))

    def __radd__(self, other):
        return Deck(list(other) + self.cards)

    def __lt__(self, other):
        return len(self) < len(other)

    def __str__(self):
        return "Deck of %d" % len(self.cards)

    def __bool__(self):
        return bool(self.cards)


deck = Deck("AKQ")
p = weakref.proxy(deck)
print(type(p).__name__, sys.getrefcount(deck))
print(len(p), p[0], p[-1], "K" in p, "J" in p, list(p), str(p), bool(p))
p[0] = "J"
del p[1]
print(deck.cards, p.cards is deck.cards)
print(str(p + ["2"]), str(["3"] + p), p < Deck("1234"), p == deck, p != deck)
empty = Deck("")
q = weakref.proxy(empty)
print(bool(q), "empty" if not q else "full")
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)


class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self, k=1):
        self.n += k
        return self.n


c = Counter()
cp = weakref.proxy(c)
print(type(cp).__name__, cp(), cp(5), cp.n)
del deck
for op in (len, str, bool, list, lambda x: x[0], lambda x: "A" in x, lambda x: x + []):
    try:
        op(p)
    except ReferenceError as e:
        print("ReferenceError:", e)
