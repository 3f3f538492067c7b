def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"

def override():
    try:
        return "try value"
    finally:
        return "finally value"

def side_effect():
    x = []
    try:
        x.append("try")
        return x
    finally:
        x.append("finally")

def loop_break():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return f"broke at {i}"

print(swallow())
print(override())
print(side_effect())
print(loop_break())
