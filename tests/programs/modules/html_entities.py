# Escaping text for a web page and decoding the character references found in
# scraped HTML with html.escape and html.unescape.
import html

comment = 'Tom said "5 > 3 & 2 < 4" and it\'s <b>true</b>'
print(html.escape(comment))
print(html.escape(comment, quote=False))
print(html.unescape(html.escape(comment)) == comment)
print(html.escape(""), html.escape("&amp;"))

samples = [
    "caf&eacute; &amp; cr&egrave;me br&ucirc;l&eacute;e",
    "&lt;p&gt;Hello&lt;/p&gt;",
    "5 &times; 3 &divide; 2 &ne; 1",
    "&copy 2024 &reg; &trade;",
    "&notit; &notin; &not",
    "&amp &ampx &AMP; &Amp;",
    "&#65;&#x42;&#X43;&#68 &#x45",
    "&#0; &#13; &#128; &#x80; &#x9f; &#150;",
    "&#xD800; &#1114111; &#1114112; &#99999999999999999999;",
    "&#1; &#11; &#x7f; &#xfffe; &#x10ffff; &#xfdd0;",
    "&#9; &#10; &#12; &#32; &#xa0;",
    "&; &# &#x &#xg; &unknown; & alone",
    "&NotNestedGreaterGreater; &nGt; &acE; &fjlig;",
    "&Afr; &bopf; &xscr;",
    "no references at all",
    "&aacute;&Aacute;&aacute&Aacutex",
    "&" + "a" * 40 + ";",
]
for s in samples:
    print(ascii(html.unescape(s)))

for bad in [None, 42]:
    for f in (html.escape, html.unescape):
        try:
            f(bad)
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
