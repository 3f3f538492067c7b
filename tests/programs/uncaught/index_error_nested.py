def last_word(sentence):
    return sentence.split()[-1]

def shout_last(lines):
    return [last_word(line).upper() for line in lines]

print(shout_last(["hello world", "bye now"]))
print(shout_last(["ok", ""]))
