def create_cycle():
    list1 = []
    list2 = []
    list1.append(list2)
    list2.append(list1)

create_cycle()
