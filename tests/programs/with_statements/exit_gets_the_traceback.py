class CM:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        print(et.__name__, type(tb).__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name, ev.__traceback__ is tb)
        return True


def f():
    with CM():
        raise ValueError("x")


f()
with CM():
    f() or 1 / 0
