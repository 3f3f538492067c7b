class Deck:
    def __init__(self, cards):
        self._cards = list(cards)

    def __len__(self):
        return len(self._cards)

    def __getitem__(self, index):
        return self._cards[index]

    def __contains__(self, card):
        print("__contains__", card)
        return card in self._cards

    def __iter__(self):
        print("__iter__")
        return iter(self._cards)

d = Deck("AKQJ")
print(len(d), d[0], d[-1], d[1:3])
print("Q" in d, "2" in d)
print(list(d))
for card in d:
    print(card, end=" ")
print()

class OnlyGetitem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10

print(list(OnlyGetitem()), 20 in OnlyGetitem())
print(bool(Deck([])), bool(d))
