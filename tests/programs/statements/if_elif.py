def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"

print([grade(s) for s in (95, 85, 75, 10)])
print("yes" if [] else "no", "yes" if [0] else "no")

