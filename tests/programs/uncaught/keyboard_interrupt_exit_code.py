"""An uncaught KeyboardInterrupt ends the program with exit code 130 (128 + SIGINT), as
python3 does; its traceback is printed as for any exception."""
print("working")
raise KeyboardInterrupt
