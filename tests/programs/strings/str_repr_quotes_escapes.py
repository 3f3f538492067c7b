# repr picks single quotes unless the string holds a single quote and no double quote.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline",
           "back\\slash", "bell\x07", "nul\x00", "é", "\u20ac", "\U0001F600", "\x7f", "\r"]
for s in samples:
    print(repr(s), len(s))
print(str("it's"), ascii("é€"))
print(repr("") , repr(" "))
print(["a", "it's"])
print({"k": "v"})
print(r"raw\n", len(r"raw\n"))
print("\x41\u0042\N{LATIN SMALL LETTER C}")
