# A teacher uses get_close_matches as a tiny spell-checker, then Differ to show a
# student exactly what changed in a sentence, and restore to get both texts back.
import difflib

words = ["apple", "banana", "cherry", "grape", "orange", "peach", "pear", "plum",
         "apricot", "pineapple", "ape", "apply", "maple"]
for typo in ["appel", "banan", "peech", "grap", "xyz", "orenge", "aple", "plum"]:
    print(typo, "->", difflib.get_close_matches(typo, words))
print(difflib.get_close_matches("appel", words, n=5, cutoff=0.4))
print(difflib.get_close_matches("wheel", ["wheel", "wheel", "heel", "whee"], n=10))
print(difflib.get_close_matches("a", []))

import keyword
print(difflib.get_close_matches("pritn", ["print", "sprint", "pint", "prism"]))
print(difflib.get_close_matches("whille", keyword.kwlist))

print("--- Differ ---")
before = ["I has a apple.\n", "She go to school every day.\n", "\n",
          "We was happy.\n", "  # note\n", "The end.\n"]
after = ["I have an apple.\n", "She goes to school every day.\n", "\n",
         "We were happy.\n", "The end.\n", "Bye!\n"]
d = difflib.Differ()
delta = list(d.compare(before, after))
print("".join(delta), end="")
print("--- restore ---")
print("".join(difflib.restore(delta, 1)) == "".join(before))
print("".join(difflib.restore(delta, 2)) == "".join(after))

print("--- ndiff with tabs and IS_LINE_JUNK ---")
print("".join(difflib.ndiff(["\tif x:\n", "\t\treturn 1\n", "#\n"],
                            ["\tif y:\n", "\t\treturn 2\n", "\n"],
                            linejunk=difflib.IS_LINE_JUNK)), end="")
for line in ["", "\n", "  #  \n", "# x\n", "code\n"]:
    print(repr(line), difflib.IS_LINE_JUNK(line))
print([difflib.IS_CHARACTER_JUNK(c) for c in " \t\nx"])

# Differ on whole strings compares characters, one per line.
print(list(difflib.ndiff("abc", "abd")))
