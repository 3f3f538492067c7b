print(hash(1+2j), hash(2+0j), hash(-1j), hash(complex(1.5,-2.25)), hash(0j), {2: 'int'}.get(2+0j), {1j: 'a'}[1j], 2+0j in {2}, len({1+0j, 1, 1.0}))
