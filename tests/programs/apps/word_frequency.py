text = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs
a quick dog is a happy dog"""

counts = {}
for line in text.splitlines():
    for word in line.split():
        counts[word] = counts.get(word, 0) + 1

ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:5]:
    print(f"{word:<6}{n:>3} {'#' * n}")

by_length = {}
for word in sorted(counts):
    by_length.setdefault(len(word), []).append(word)
for length in sorted(by_length):
    print(length, by_length[length])

print(len(counts), sum(counts.values()), max(counts, key=lambda w: (len(w), w)))
