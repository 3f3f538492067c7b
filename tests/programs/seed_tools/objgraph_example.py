import objgraph


obj = [1, 2, 3]

objgraph.show_most_common_types()
objgraph.show_backrefs([obj], filename='backrefs.png')
