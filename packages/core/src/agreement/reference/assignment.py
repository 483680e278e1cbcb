"""Reference for assignment.test.ts: scipy's linear_sum_assignment (Debian python3-scipy).

stdin: {"matrices": [[[w, ...], ...], ...]}; stdout: {"totals": [total weight of the maximum-weight
assignment of each matrix]}."""
import json
import sys

import numpy as np
from scipy.optimize import linear_sum_assignment

data = json.load(sys.stdin)
totals = []
for m in data["matrices"]:
    w = np.array(m, dtype=float)
    if w.size == 0:
        totals.append(0.0)
        continue
    rows, cols = linear_sum_assignment(w, maximize=True)
    totals.append(float(w[rows, cols].sum()))
json.dump({"totals": totals}, sys.stdout)
