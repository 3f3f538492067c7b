# textwrap: shorten (collapse whitespace, cut with a placeholder), dedent (common leading
# spaces and tabs) and indent (with and without a predicate).
import textwrap

print(repr(textwrap.shorten("Hello  world!", width=12)))
print(repr(textwrap.shorten("Hello  world!", width=11)))
print(repr(textwrap.shorten("  The quick\n brown fox jumps over the lazy dog  ", 20)))
print(repr(textwrap.shorten("The quick brown fox jumps over the lazy dog", 25, placeholder="...")))
print(repr(textwrap.shorten("Supercalifragilistic is long", 12)))
print(repr(textwrap.shorten("", 10)))
try:
    textwrap.shorten("hello world", 3)
except ValueError as e:
    print("ValueError:", e)

samples = [
    "    def f():\n        return 1\n    \n    print(f())\n",
    "\tone\n\t\ttwo\n\tthree",
    "  a\n\tb\n",
    "   \n  x\n    y\n  \t\n",
    "no indent\n    here",
    "  \t mixed\n  \t  more\n  \t less?\n",
    "",
    "\n\n",
    "   only spaces   ",
    "  line\r\n  crlf\n",
]
for s in samples:
    print(repr(textwrap.dedent(s)))

print(repr(textwrap.indent("one\n\ntwo\n   \nthree", "> ")))
print(repr(textwrap.indent("one\r\ntwo\rthree\n", "  ")))
print(repr(textwrap.indent("a\n\nb\n", "+ ", lambda line: True)))
print(repr(textwrap.indent("keep\nskip\nkeep\n", "# ", lambda line: line.startswith("k"))))
print(textwrap.dedent('''
    Dedent then fill:
        nested
    back''').strip())
print(textwrap.indent(textwrap.fill("wrap this paragraph and then indent every line of it", 20), "    "))
