match 1:
    case (a, b) | (a, c):
        pass
