def shift_char(c, k):
    if c.isupper():
        return chr((ord(c) - ord("A") + k) % 26 + ord("A"))
    if c.islower():
        return chr((ord(c) - ord("a") + k) % 26 + ord("a"))
    return c

def encrypt(text, k):
    return "".join(shift_char(c, k) for c in text)

def decrypt(text, k):
    return encrypt(text, -k)

message = "Hello, World! Meet at 10pm."
secret = encrypt(message, 3)
print(secret)
print(decrypt(secret, 3))
print(decrypt(secret, 3) == message)
for k in range(1, 26, 6):
    print(k, encrypt("xyz ABC", k))
letters = {}
for c in secret.lower():
    if c.isalpha():
        letters[c] = letters.get(c, 0) + 1
print(sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
