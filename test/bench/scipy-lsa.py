"""SciPy's linear_sum_assignment on a score matrix, for the matching benchmark (matching.bench.ts).

Usage: python3 scipy-lsa.py MATRIX ROWS COLS
MATRIX holds ROWS x COLS little-endian float64 weights, row by row (0: no pair). Prints one JSON
line: the solve's own time in ms, the total weight and the number of cells of positive weight
taken. The bench times the whole process (interpreter start, imports, reading, solving) itself.
"""

import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

path, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
weights = np.fromfile(path, dtype="<f8").reshape(rows, cols)
started = time.perf_counter()
r, c = linear_sum_assignment(weights, maximize=True)
solve_ms = (time.perf_counter() - started) * 1000
taken = weights[r, c]
print(json.dumps({"solveMs": solve_ms, "total": float(taken.sum()), "matched": int((taken > 0).sum())}))
