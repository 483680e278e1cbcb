"""Reference for keypoint-similarity.test.ts: the OKS of pycocotools' COCOeval.computeOks
(cocodataset/cocoapi, PythonAPI/pycocotools/cocoeval.py, computeOks), its lines reimplemented with
numpy because pycocotools is not packaged in Debian:

    vars = (sigmas * 2)**2
    ...
    xg = g[0::3]; yg = g[1::3]; vg = g[2::3]
    k1 = np.count_nonzero(vg > 0)
    ...
    dx = xd - xg
    dy = yd - yg
    e = (dx**2 + dy**2) / vars / (gt['area']+np.spacing(1)) / 2
    if k1 > 0:
        e=e[vg > 0]
    ious[i, j] = np.sum(np.exp(-e)) / e.shape[0]

stdin: {"cases": [{"dt": [x, y, v, ...], "gt": [x, y, v, ...], "area": a, "sigmas": [...]}]};
stdout: {"oks": [...]}. Every case has at least one labelled gold point (k1 > 0)."""
import json
import sys

import numpy as np

data = json.load(sys.stdin)
out = []
for case in data["cases"]:
    sigmas = np.array(case["sigmas"], dtype=float)
    variances = (sigmas * 2) ** 2
    g = np.array(case["gt"], dtype=float)
    d = np.array(case["dt"], dtype=float)
    xg = g[0::3]
    yg = g[1::3]
    vg = g[2::3]
    xd = d[0::3]
    yd = d[1::3]
    dx = xd - xg
    dy = yd - yg
    e = (dx**2 + dy**2) / variances / (case["area"] + np.spacing(1)) / 2
    e = e[vg > 0]
    out.append(float(np.sum(np.exp(-e)) / e.shape[0]))
json.dump({"oks": out}, sys.stdout)
