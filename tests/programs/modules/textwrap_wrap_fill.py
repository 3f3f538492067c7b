# textwrap: wrap and fill with CPython's chunking (hyphenated words, em-dashes, long words),
# indents, whitespace handling, sentence endings and the width errors.
import textwrap
from textwrap import TextWrapper

text = ("The quick brown fox -- a well-known, over-used example -- jumps over the "
        "lazy dog. Then it runs away!  Use the -b option, or --verbose; e-mail "
        "supercalifragilisticexpialidocious people at x-y-z.")
for width in (10, 18, 25, 40, 70):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30))
print(TextWrapper()._split("Look, goof-ball -- use the -b option!"))
print(TextWrapper(break_on_hyphens=False)._split("Look, goof-ball -- use the -b option!"))
print(TextWrapper()._split("ab-c-de x-y-zz A--b 1--2 one---two co-op x--"))
print(textwrap.wrap("a-very-long-hyphenated-compound-word here", 12))
print(textwrap.wrap("a-very-long-hyphenated-compound-word here", 12, break_on_hyphens=False))
print(textwrap.wrap("abcdefghijklmnopqrstuvwxyz", 7))
print(textwrap.wrap("abcdefghijklmnopqrstuvwxyz and more", 7, break_long_words=False))
print(textwrap.wrap("  leading and   inner\tspaces\nnewline  ", 12))
print(textwrap.wrap("  leading and   inner\tspaces\nnewline  ", 12, drop_whitespace=False))
print(textwrap.wrap("tab\there\tand\tthere", 40, tabsize=4))
print(textwrap.wrap("tab\there\tand\tthere", 40, expand_tabs=False))
print(textwrap.wrap("tab\there\nline", 40, expand_tabs=False, replace_whitespace=False))
print(textwrap.wrap("Hello there.\nHow are you? I'm fine.  Bye!", 80, fix_sentence_endings=True))
print(textwrap.wrap('He said "stop." Then "go!" Mr. X left.', 80, fix_sentence_endings=True))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="    "))
print(textwrap.wrap(text, 30, max_lines=3))
print(textwrap.wrap(text, 30, max_lines=2, placeholder="..."))
print(textwrap.wrap("one two three four five six", 10, max_lines=2, placeholder=" ~~~~~~~"))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.fill("   \n ", 10))
print(textwrap.wrap("naïve café déjà-vu façade", 9))
w = TextWrapper(width=20, initial_indent="> ", subsequent_indent=">> ")
print(w.wrap("reusing a configured wrapper for several paragraphs of text"))
w.width = 15
print(w.fill("changing the width afterwards works too"))
print(textwrap.wrap("x" * 12, 5, initial_indent="abcdefgh"))
for kwargs in [dict(width=0), dict(width=-3), dict(width=5, max_lines=1, placeholder=" [........]"),
               dict(width=8, max_lines=2, subsequent_indent="    ", placeholder=" [...]")]:
    try:
        print(textwrap.wrap("some text here", **kwargs))
    except ValueError as e:
        print("ValueError:", e)
print(textwrap.__all__)
