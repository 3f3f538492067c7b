print(int('١٢٣'), int('１２'), float('١.٥'), int(' ٣ '), '٣'.isdigit(), '٣'.isdecimal())
print(int('٣', 16), int('\u3000-٤_٥\u2003'), float('\u00a0１e３'), int('𝟗𝟖'))
for bad in ['²', '½', '٣x', '٣.٥', '１ ２', 'é']:
    for f in (int, float):
        try:
            print(f(bad))
        except ValueError as e:
            print(f.__name__, e)
