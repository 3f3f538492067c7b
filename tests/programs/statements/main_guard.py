def main():
    print("running main, __name__ =", __name__)
    return 0

print("module level runs first")

if __name__ == '__main__':
    main()
else:
    print("imported")
