def create_list():
    my_list = [1, 2, 3]
    print(f"List created: {my_list}")

create_list()
print("Function finished")
