# Side-by-side HTML comparison with difflib.HtmlDiff: a full table, a context-only table
# with line wrapping, tabs, and the special "empty" cases.
import difflib

old = ["def area(r):\n", "\treturn 3.14 * r * r\n", "\n", "print(area(2))\n",
       "# <done> & dusted\n"]
new = ["import math\n", "\n", "def area(r):\n", "\treturn math.pi * r ** 2\n", "\n",
       "print(area(2))\n", "print(area(3))\n"]

d = difflib.HtmlDiff(tabsize=4)
print(d.make_table(old, new, "old.py", "new.py"))

lines_a = ["line %d\n" % i for i in range(20)]
lines_b = list(lines_a)
lines_b[3] = "line three, which is now rather long and will be wrapped\n"
lines_b[15] = "line 15 changed\n"
del lines_b[9]
wrapped = difflib.HtmlDiff(wrapcolumn=20)
print(wrapped.make_table(lines_a, lines_b, context=True, numlines=1))

print(difflib.HtmlDiff().make_table([], []))
print(difflib.HtmlDiff().make_table(["same\n"], ["same\n"], context=True))

page = difflib.HtmlDiff().make_file(["caf\xe9 \u20ac\n"], ["cafe\n"], "a", "b", charset="ascii")
print(page.count("\n"), "lines;", page[page.index("<tbody>"):page.index("</tbody>")])
