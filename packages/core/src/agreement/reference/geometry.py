"""Reference for the IoU tests: Shapely (Debian python3-shapely) for polygons with holes and
rotated boxes, scipy's HalfspaceIntersection + ConvexHull (python3-scipy) for cuboid volumes.

stdin: {"polygons": [[A, B], ...], "boxes": [[A, B], ...], "cuboids": [[A, B], ...]} where a
polygon is {"points": [[x, y], ...], "holes": [[[x, y], ...], ...]}, a box {"x", "y", "width",
"height", "rotation"} (degrees, clockwise on screen with y down, about the centre) and a cuboid
{"center", "size", "yaw", "pitch", "roll"} (radians, intrinsic Z-Y-X);
stdout: {"polygons": [iou, ...], "boxes": [...], "cuboids": [iou3d, ...], "bev": [...]}."""
import json
import sys

import numpy as np
from scipy.spatial import ConvexHull, HalfspaceIntersection
from scipy.spatial.transform import Rotation
from shapely import affinity
from shapely.geometry import Polygon, box as shapely_box


def iou(p, q):
    inter = p.intersection(q).area
    union = p.area + q.area - inter
    return inter / union if union > 0 else 0.0


def polygon(a):
    return Polygon(a["points"], a.get("holes") or [])


def rect(b):
    r = shapely_box(b["x"], b["y"], b["x"] + b["width"], b["y"] + b["height"])
    # shapely turns counter-clockwise in a y-up frame, which is clockwise on screen with y down.
    return affinity.rotate(r, b.get("rotation", 0.0), origin="centroid", use_radians=False)


def cuboid_halfspaces(c):
    """The 6 faces of a cuboid as halfspaces A x + b <= 0, built from its rotation matrix."""
    rot = Rotation.from_euler("ZYX", [c["yaw"], c.get("pitch", 0.0), c.get("roll", 0.0)]).as_matrix()
    center = np.array(c["center"], dtype=float)
    half = np.array(c["size"], dtype=float) / 2
    rows = []
    for k in range(3):
        axis = rot[:, k]
        for sign in (1, -1):
            n = sign * axis
            rows.append(np.append(n, -(n @ center) - half[k]))
    return np.array(rows)


def cuboid_iou(a, b):
    hs = np.vstack([cuboid_halfspaces(a), cuboid_halfspaces(b)])
    va = np.prod(a["size"])
    vb = np.prod(b["size"])
    # An interior point of the intersection, if there is one: the Chebyshev centre by linear programming.
    from scipy.optimize import linprog

    norms = np.linalg.norm(hs[:, :3], axis=1)
    res = linprog(np.array([0, 0, 0, -1.0]), A_ub=np.hstack([hs[:, :3], norms[:, None]]), b_ub=-hs[:, 3], bounds=[(None, None)] * 3 + [(0, None)])
    if not res.success or res.x[3] < 1e-9:
        return 0.0
    inter = ConvexHull(HalfspaceIntersection(hs, res.x[:3]).intersections).volume
    return inter / (va + vb - inter)


def bev(c):
    rot = Rotation.from_euler("Z", c["yaw"]).as_matrix()
    half = np.array(c["size"], dtype=float) / 2
    pts = [(rot @ np.array([sx * half[0], sy * half[1], 0]))[:2] + np.array(c["center"][:2]) for sx, sy in ((1, 1), (1, -1), (-1, -1), (-1, 1))]
    return Polygon(pts)


data = json.load(sys.stdin)
out = {
    "polygons": [iou(polygon(a), polygon(b)) for a, b in data.get("polygons", [])],
    "boxes": [iou(rect(a), rect(b)) for a, b in data.get("boxes", [])],
    "cuboids": [cuboid_iou(a, b) for a, b in data.get("cuboids", [])],
    "bev": [iou(bev(a), bev(b)) for a, b in data.get("cuboids", [])],
}
json.dump(out, sys.stdout)
