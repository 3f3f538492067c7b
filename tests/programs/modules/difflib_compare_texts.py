# A student compares two drafts of an essay with difflib: opcodes, ratios and the
# three diff formats, plus the junk and "popular element" heuristics.
import difflib

draft1 = """The quick brown fox jumps over the lazy dog.
It was a sunny day.
Birds were singing in the trees.
The fox was hungry.
It looked for food.
""".splitlines(keepends=True)

draft2 = """The quick brown fox leaps over the lazy dog.
It was a sunny day.
Birds were singing in the tall trees.
The fox was very hungry.
It found some berries.
The end.
""".splitlines(keepends=True)

print("--- ndiff ---")
print("".join(difflib.ndiff(draft1, draft2)), end="")
print("--- unified ---")
print("".join(difflib.unified_diff(draft1, draft2, "draft1.txt", "draft2.txt",
                                   "2024-01-01", "2024-01-02")), end="")
print("--- context, n=1 ---")
print("".join(difflib.context_diff(draft1, draft2, "draft1.txt", "draft2.txt", n=1)), end="")
print("--- unified, lineterm='' ---")
for line in difflib.unified_diff(["one", "two", "three"], ["one", "too", "three", "four"],
                                 lineterm=""):
    print(line)

print("--- SequenceMatcher on characters ---")
s = difflib.SequenceMatcher(None, "abxcd", "abcd")
print(s.get_matching_blocks())
for op in s.get_opcodes():
    print("%7s a[%d:%d] b[%d:%d]" % op)
print(round(s.ratio(), 4), round(s.quick_ratio(), 4), round(s.real_quick_ratio(), 4))
m = s.find_longest_match(0, 5, 0, 4)
print(m, m.a, m.b, m.size, type(m).__name__)

# isjunk: blanks never start a match, so the longest match skips " abcd".
s = difflib.SequenceMatcher(lambda c: c == " ", " abcd", "abcd abcd")
print(s.find_longest_match(0, 5, 0, 9))
s = difflib.SequenceMatcher(None, " abcd", "abcd abcd")
print(s.find_longest_match(0, 5, 0, 9))

# set_seq1 / set_seq2 reuse the index of b.
s = difflib.SequenceMatcher()
s.set_seq2("private")
for word in ["pirate", "privacy", "rivet", ""]:
    s.set_seq1(word)
    print(word, round(s.ratio(), 3), s.get_opcodes())
s.set_seqs("", "")
print(s.ratio(), s.get_opcodes(), list(s.get_grouped_opcodes()))

# autojunk: in a b of 200+ items, an item making up more than 1% of it is "popular".
a = "x" * 10 + "abc"
b = "x" * 200 + "abc"
s = difflib.SequenceMatcher(None, a, b)
print(sorted(s.bpopular), s.get_matching_blocks())
s = difflib.SequenceMatcher(None, a, b, autojunk=False)
print(sorted(s.bpopular), s.get_matching_blocks())

print("--- grouped opcodes ---")
a = [str(i) for i in range(30)]
b = a[:5] + ["five"] + a[6:20] + a[21:] + ["30"]
s = difflib.SequenceMatcher(None, a, b)
for group in s.get_grouped_opcodes(2):
    print(group)

print("--- diff_bytes ---")
for line in difflib.diff_bytes(difflib.unified_diff, [b"caf\xe9\n", b"b\n"], [b"cafe\n", b"b\n"],
                               b"old", b"new"):
    print(line)

print("--- errors ---")
tests = [
    lambda: list(difflib.unified_diff([b"x"], ["y"])),
    lambda: list(difflib.context_diff(["x"], ["y"], fromfile=3)),
    lambda: list(difflib.diff_bytes(difflib.unified_diff, ["x"], [b"y"])),
    lambda: list(difflib.restore(["  a"], 3)),
    lambda: difflib.get_close_matches("a", ["a"], n=0),
    lambda: difflib.get_close_matches("a", ["a"], cutoff=1.5),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, e)
