# CPython allows 20 nested blocks in one function. Here each try statement sits in the
# except clause of the one before, and an except clause counts twice (the handler and its
# name's cleanup): the eleventh level is one too many, a SyntaxError before anything runs.
try:
    pass
except ValueError as e0:
    try:
        pass
    except ValueError as e1:
        try:
            pass
        except ValueError as e2:
            try:
                pass
            except ValueError as e3:
                try:
                    pass
                except ValueError as e4:
                    try:
                        pass
                    except ValueError as e5:
                        try:
                            pass
                        except ValueError as e6:
                            try:
                                pass
                            except ValueError as e7:
                                try:
                                    pass
                                except ValueError as e8:
                                    try:
                                        pass
                                    except ValueError as e9:
                                        try:
                                            pass
                                        except ValueError as e10:
                                            try:
                                                pass
                                            except ValueError as e11:
                                                try:
                                                    pass
                                                except ValueError as e12:
                                                    try:
                                                        pass
                                                    except ValueError as e13:
                                                        try:
                                                            pass
                                                        except ValueError as e14:
                                                            try:
                                                                pass
                                                            except ValueError as e15:
                                                                try:
                                                                    pass
                                                                except ValueError as e16:
                                                                    try:
                                                                        pass
                                                                    except ValueError as e17:
                                                                        try:
                                                                            pass
                                                                        except ValueError as e18:
                                                                            try:
                                                                                pass
                                                                            except ValueError as e19:
                                                                                print('ran')
