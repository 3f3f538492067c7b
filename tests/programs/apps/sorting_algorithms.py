def bubble_sort(items):
    items = list(items)
    swaps = 0
    for end in range(len(items) - 1, 0, -1):
        for i in range(end):
            if items[i] > items[i + 1]:
                items[i], items[i + 1] = items[i + 1], items[i]
                swaps += 1
    return items, swaps

def merge_sort(items):
    if len(items) <= 1:
        return items
    mid = len(items) // 2
    left, right = merge_sort(items[:mid]), merge_sort(items[mid:])
    merged = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    return merged + left[i:] + right[j:]

data = [38, 27, 43, 3, 9, 82, 10, 3]
print(bubble_sort(data))
print(merge_sort(data))
print(merge_sort(data) == sorted(data), data)
words = "pear fig apple kiwi banana".split()
print(merge_sort(words), bubble_sort(words)[1])
