# Splitting and quoting shell command lines with shlex, and the lexer class in its
# posix, non-posix and punctuation modes.
import shlex

lines = [
    'ls -l "My Documents"',
    "echo 'single quoted' \"double \\\"escaped\\\"\" plain\\ space",
    'grep -e "a b" file.txt # a comment',
    "cp file1 'file 2' dir/",
    '',
    '   ',
    'a"b"c \'d\'e',
    'echo "\\$HOME is \\a\\\\"',
    "it's",
    'say "hello',
    'end\\',
    '""  \'\'',
]
for line in lines:
    for kwargs in [{}, {"comments": True}, {"posix": False}]:
        try:
            print(repr(line), kwargs, shlex.split(line, **kwargs))
        except ValueError as e:
            print(repr(line), kwargs, type(e).__name__, e)

print("--- quote / join ---")
for s in ["simple", "", "with space", "it's", "$HOME", "a;b", "name@host:~/x", "ümlaut",
          "tab\there", "-flag=1,2"]:
    print(repr(s), shlex.quote(s))
cmd = ["git", "commit", "-m", "Fix the user's bug", "--author=Ann <ann@x.org>"]
joined = shlex.join(cmd)
print(joined)
print(shlex.split(joined) == cmd)

print("--- the shlex class ---")
def tokens(text, **options):
    posix = options.pop("posix", False)
    punct = options.pop("punctuation_chars", False)
    lexer = shlex.shlex(text, posix=posix, punctuation_chars=punct)
    for name, value in options.items():
        setattr(lexer, name, value)
    try:
        return list(lexer)
    except ValueError as e:
        return "%s: %s" % (type(e).__name__, e)

text = 'a && b || c; (d > out.txt) # done\nnext "q s" x=1'
print(tokens(text))
print(tokens(text, posix=True))
print(tokens(text, punctuation_chars=True))
print(tokens(text, posix=True, punctuation_chars=True))
print(tokens(text, posix=True, punctuation_chars="|&", whitespace_split=True))
print(tokens(text, posix=True, commenters=""))
print(tokens("key=value; other = 'x y'", wordchars="abcdefghijklmnopqrstuvwxyz="))
print(tokens("path/to/file.txt ~/x", posix=True, whitespace_split=True))
print(tokens("'unterminated", posix=True))
print(tokens("trailing\\", posix=True))

lexer = shlex.shlex("one two\nthree # four\nfive", posix=True)
print(lexer.get_token(), lexer.lineno)
lexer.push_token("zero")
print(lexer.get_token(), lexer.get_token(), lexer.get_token(), lexer.lineno)
print(lexer.error_leader("input.sh"), repr(lexer.get_token()), repr(lexer.get_token()))
print(lexer.punctuation_chars == "", shlex.shlex("x", punctuation_chars=True).punctuation_chars)
lexer = shlex.shlex("a b")
lexer.push_source("inner source")
print(list(lexer), repr(lexer.eof))

for bad in [None, 3]:
    try:
        print(shlex.quote(bad))
    except TypeError as e:
        print(type(e).__name__, e)
