"""Reference for kappa.test.ts and krippendorff.test.ts.

- Cohen's kappa: scikit-learn's cohen_kappa_score (Debian python3-sklearn).
- Fleiss' kappa: no Debian package has it; written here from Fleiss (1971), "Measuring nominal scale
  agreement among many raters", Psychological Bulletin 76(5), eqs. for P_i, P-bar, p_j and P-bar_e.
- Krippendorff's alpha: no Debian package has it (apt-cache search krippendorff finds nothing);
  written from its definition as pairwise disagreement (Krippendorff 2011, "Computing
  Krippendorff's Alpha-Reliability", section on the general form): alpha = 1 - D_o / D_e with
  D_o = 1/n * sum_u 1/(m_u - 1) * sum over ordered pairs (i != j) of values in unit u of delta^2,
  D_e = 1/(n (n - 1)) * sum over ordered pairs of all pairable values of delta^2, where pairable
  units have m_u >= 2 values and n is their total. Ordinal delta uses the pairable values' counts
  n_g: delta^2(c, k) = (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2. This pairwise form is a different
  computation from labelkit's coincidence matrix, so the two check each other.

stdin: {"cohen": [[a, b], ...], "fleiss": [counts, ...], "alpha": [{"data": ..., "level": ...}]};
stdout: {"cohen": [...], "fleiss": [...], "alpha": [...]} (NaN written as null)."""
import json
import math
import sys
import warnings

import numpy as np
from sklearn.metrics import cohen_kappa_score


def nan_to_none(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def cohen(a, b):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(cohen_kappa_score(a, b))


def fleiss(counts):
    m = np.array(counts, dtype=float)
    N, _ = m.shape
    n = m[0].sum()
    P_i = (np.sum(m * m, axis=1) - n) / (n * (n - 1))
    P_bar = P_i.mean()
    p_j = m.sum(axis=0) / (N * n)
    P_e = np.sum(p_j * p_j)
    if P_e == 1:
        return float("nan")
    return float((P_bar - P_e) / (1 - P_e))


def alpha(data, level):
    units = list(zip(*data))
    pairable = [[v for v in u if v is not None] for u in units]
    pairable = [u for u in pairable if len(u) >= 2]
    values = [v for u in pairable for v in u]
    n = len(values)
    if n == 0:
        return float("nan")
    counts = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    order = sorted(counts)

    def delta2(c, k):
        if c == k:
            return 0.0
        if level == "nominal":
            return 1.0
        if level == "interval":
            return float(c - k) ** 2
        lo, hi = sorted((order.index(c), order.index(k)))
        between = sum(counts[order[g]] for g in range(lo, hi + 1))
        return (between - (counts[c] + counts[k]) / 2) ** 2

    d_o = 0.0
    for u in pairable:
        m_u = len(u)
        s = sum(delta2(u[i], u[j]) for i in range(m_u) for j in range(m_u) if i != j)
        d_o += s / (m_u - 1)
    d_o /= n
    d_e = sum(delta2(values[i], values[j]) for i in range(n) for j in range(n) if i != j) / (n * (n - 1))
    if d_e == 0:
        return float("nan")
    return 1 - d_o / d_e


data = json.load(sys.stdin)
out = {
    "cohen": [nan_to_none(cohen(a, b)) for a, b in data.get("cohen", [])],
    "fleiss": [nan_to_none(fleiss(c)) for c in data.get("fleiss", [])],
    "alpha": [nan_to_none(alpha(x["data"], x["level"])) for x in data.get("alpha", [])],
}
json.dump(out, sys.stdout)
