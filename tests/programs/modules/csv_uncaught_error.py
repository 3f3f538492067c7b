import csv
print(list(csv.reader(['a,b'])))
csv.get_dialect('no-such-dialect')
