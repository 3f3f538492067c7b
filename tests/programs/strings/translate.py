# str.maketrans builds the table that str.translate reads: code points to code points,
# strings or None (deleted).
table = str.maketrans("abc", "xyz", "!")
print(sorted(table.items()))
print("a bad cab!!".translate(table))
print("hello".translate({ord("l"): "L!", ord("o"): None, 104: 72}))
print(str.maketrans({"a": "1", 98: None, "c": 99}))
print("abc".translate(str.maketrans({"a": "1", 98: None})))
print("unchanged".translate({}), "".translate(table))


class Upper:
    """A table that is not a dict: translate only needs __getitem__."""

    def __getitem__(self, code):
        if chr(code) in "aeiou":
            return chr(code).upper()
        raise LookupError(code)


print("education".translate(Upper()))
print("cafe\u0301".translate({0x301: None}), "ñ".translate({ord("ñ"): "n"}))
for bad in (lambda: str.maketrans("ab", "x"), lambda: str.maketrans("ab"),
            lambda: str.maketrans({"ab": 1}), lambda: str.maketrans({1.5: 1}),
            lambda: "a".translate({97: 1.5}), lambda: "a".translate({97: -1}),
            lambda: str.maketrans(1, "a")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
