"""Times SciPy's CARE and DARE solvers on the CSV cases of riccati_cases.py.

Prints one line per case and equation: n, equation, median seconds, relative residual
||res||_F / ||P||_F. Usage: python3 riccati_scipy.py CASE_DIR n1 n2 ...
"""
import os
import statistics
import sys
import time

import numpy as np
import scipy
from scipy.linalg import solve_continuous_are, solve_discrete_are


def load(folder, name):
    return np.atleast_2d(np.loadtxt(os.path.join(folder, name + ".csv"), delimiter=","))


def repeats(n):
    return 200 if n <= 10 else (20 if n <= 50 else 5)


def timed(solve, count):
    times = []
    result = None
    for _ in range(count + 1):
        started = time.perf_counter()
        result = solve()
        times.append(time.perf_counter() - started)
    return statistics.median(times[1:]), result


def main():
    root = sys.argv[1]
    print(f"# scipy {scipy.__version__} numpy {np.__version__}")
    for n in (int(v) for v in sys.argv[2:]):
        folder = os.path.join(root, f"n{n}")
        a, b, q, r = (load(folder, x) for x in "ABQR")
        if b.shape[0] != n:
            b = b.reshape(n, -1)
        seconds, p = timed(lambda: solve_continuous_are(a, b, q, r), repeats(n))
        res = a.T @ p + p @ a - p @ b @ np.linalg.solve(r, b.T @ p) + q
        print(f"scipy {n} care {seconds:.6e} {np.linalg.norm(res) / np.linalg.norm(p):.3e}")
        seconds, p = timed(lambda: solve_discrete_are(a, b, q, r), repeats(n))
        btpa = b.T @ p @ a
        res = a.T @ p @ a - p - btpa.T @ np.linalg.solve(r + b.T @ p @ b, btpa) + q
        print(f"scipy {n} dare {seconds:.6e} {np.linalg.norm(res) / np.linalg.norm(p):.3e}")


if __name__ == "__main__":
    main()
