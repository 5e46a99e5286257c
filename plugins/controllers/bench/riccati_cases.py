"""Writes the Riccati benchmark matrices as CSV, one folder per state size.

The random systems follow ../shared/data/lqr-reference/README.md: for state size n,
rng = numpy.random.default_rng(1000 + n), A = rng.standard_normal((n, n)) / sqrt(n), then
B = rng.standard_normal((n, m)) with m = max(1, n // 4); Q = I, R = I. The same (A, B) serves
the continuous and the discrete equation, as in the reference set.
Usage: python3 riccati_cases.py OUT_DIR n1 n2 ...
"""
import os
import sys

import numpy as np


def main():
    out = sys.argv[1]
    for n in (int(v) for v in sys.argv[2:]):
        m = max(1, n // 4)
        rng = np.random.default_rng(1000 + n)
        a = rng.standard_normal((n, n)) / np.sqrt(n)
        b = rng.standard_normal((n, m))
        folder = os.path.join(out, f"n{n}")
        os.makedirs(folder, exist_ok=True)
        for name, matrix in (("A", a), ("B", b), ("Q", np.eye(n)), ("R", np.eye(m))):
            np.savetxt(os.path.join(folder, name + ".csv"), matrix, delimiter=",", fmt="%.17g")


if __name__ == "__main__":
    main()
