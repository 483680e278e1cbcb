import type { Point2, Point3 } from '../annotation.js';
import { clipConvex, ringArea } from './convex.js';
import { cuboidCorners, cuboidVolume, type CuboidGeometry } from './cuboid.js';

/** A convex polyhedron as its faces, each a planar convex ring of 3D points (either winding). */
type Faces = Point3[][];

/** Corner indices of the 6 faces of {@link cuboidCorners}' order (bottom 0–3, top 4–7). */
const FACES: [number, number, number, number][] = [
  [0, 1, 2, 3],
  [4, 5, 6, 7],
  [0, 1, 5, 4],
  [1, 2, 6, 5],
  [2, 3, 7, 6],
  [3, 0, 4, 7],
];

const sub = (a: Point3, b: Point3): Point3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Point3, b: Point3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Point3, b: Point3): Point3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

/** True when the cuboid turns about z only (pitch and roll absent or 0). */
function yawOnly(c: CuboidGeometry): boolean {
  return (c.pitch ?? 0) === 0 && (c.roll ?? 0) === 0;
}

/**
 * The footprint of a cuboid seen from above (bird's-eye view): the rectangle of its length and
 * width turned by its yaw, as `[x, y]` metres. Pitch and roll are ignored, as KITTI's and nuScenes'
 * BEV boxes do.
 */
export function cuboidFootprint(c: CuboidGeometry): Point2[] {
  return cuboidCorners({ center: c.center, size: c.size, yaw: c.yaw }).slice(0, 4).map(([x, y]) => [x, y]);
}

/**
 * Bird's-eye-view IoU of two cuboids, in [0, 1]: the IoU of their {@link cuboidFootprint}s, exact
 * (convex clipping). Heights, pitch and roll play no part. Two empty footprints give 0.
 */
export function cuboidBevIoU(a: CuboidGeometry, b: CuboidGeometry): number {
  const fa = cuboidFootprint(a);
  const fb = cuboidFootprint(b);
  const areaA = Math.abs(ringArea(fa));
  const areaB = Math.abs(ringArea(fb));
  const inter = Math.abs(ringArea(clipConvex(fa, fb)));
  const union = areaA + areaB - inter;
  return union > 0 ? Math.min(1, Math.max(0, inter / union)) : 0;
}

/**
 * Volume of the overlap of two cuboids, cubic metres, exact up to floating point for any yaw,
 * pitch and roll. Yaw-only pairs: footprint overlap × height overlap. Otherwise one box's faces
 * are clipped by each of the other's 6 face planes (a convex polyhedron clip) and the volume of
 * what is left is summed as tetrahedra from an inner point.
 */
export function cuboidIntersectionVolume(a: CuboidGeometry, b: CuboidGeometry): number {
  if (yawOnly(a) && yawOnly(b)) {
    const dz =
      Math.min(a.center[2] + Math.abs(a.size[2]) / 2, b.center[2] + Math.abs(b.size[2]) / 2) -
      Math.max(a.center[2] - Math.abs(a.size[2]) / 2, b.center[2] - Math.abs(b.size[2]) / 2);
    if (dz <= 0) return 0;
    return Math.abs(ringArea(clipConvex(cuboidFootprint(a), cuboidFootprint(b)))) * dz;
  }
  const ca = cuboidCorners(a);
  const cb = cuboidCorners(b);
  let faces: Faces = FACES.map((f) => f.map((i) => ca[i] as Point3));
  const centreB = b.center;
  for (const f of FACES) {
    const p0 = cb[f[0]] as Point3;
    let n = cross(sub(cb[f[1]] as Point3, p0), sub(cb[f[3]] as Point3, p0));
    // Point the normal outwards (away from b's centre), whatever the corner order's handedness.
    if (dot(n, sub(centreB, p0)) > 0) n = [-n[0], -n[1], -n[2]];
    faces = clipByPlane(faces, n, dot(n, p0));
    if (faces.length === 0) return 0;
  }
  return Math.min(polyhedronVolume(faces), cuboidVolume(a), cuboidVolume(b));
}

/**
 * 3D IoU of two cuboids, in [0, 1]: overlap volume over union volume (see
 * {@link cuboidIntersectionVolume}). Two empty cuboids give 0.
 */
export function cuboidIoU(a: CuboidGeometry, b: CuboidGeometry): number {
  const inter = cuboidIntersectionVolume(a, b);
  const union = cuboidVolume(a) + cuboidVolume(b) - inter;
  return union > 0 ? Math.min(1, Math.max(0, inter / union)) : 0;
}

/** Keeps the part of a convex polyhedron where `n · p <= d`, closing the cut with a new face. */
function clipByPlane(faces: Faces, n: Point3, d: number): Faces {
  const scale = Math.sqrt(dot(n, n));
  const eps = 1e-12 * Math.max(1, Math.abs(d), scale);
  const out: Faces = [];
  const onPlane: Point3[] = [];
  // A face lying in the plane already closes the cut; a cap would count it twice.
  let faceInPlane = false;
  for (const face of faces) {
    const clipped: Point3[] = [];
    const m = face.length;
    for (let i = 0; i < m; i++) {
      const p = face[i] as Point3;
      const q = face[(i + 1) % m] as Point3;
      const sp = dot(n, p) - d;
      const sq = dot(n, q) - d;
      if (sp <= eps) clipped.push(p);
      if (sp <= eps && Math.abs(sp) <= eps) onPlane.push(p);
      if ((sp < -eps && sq > eps) || (sp > eps && sq < -eps)) {
        const t = sp / (sp - sq);
        const x: Point3 = [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t, p[2] + (q[2] - p[2]) * t];
        clipped.push(x);
        onPlane.push(x);
      }
    }
    if (clipped.length >= 3) out.push(clipped);
    if (face.every((p) => Math.abs(dot(n, p) - d) <= eps)) faceInPlane = true;
  }
  const cap = faceInPlane ? [] : orderOnPlane(onPlane, n);
  if (cap.length >= 3) out.push(cap);
  return out.length >= 4 ? out : [];
}

/** Distinct points lying on one plane (normal `n`), sorted by angle about their mean: a convex ring. */
function orderOnPlane(points: Point3[], n: Point3): Point3[] {
  if (points.length < 3) return [];
  const c: Point3 = [0, 0, 0];
  for (const p of points) for (let k = 0; k < 3; k++) c[k] = (c[k] as number) + (p[k] as number) / points.length;
  // Any unit vector in the plane, and the one at right angles to it.
  const helper: Point3 = Math.abs(n[0]) < 0.9 * Math.sqrt(dot(n, n)) ? [1, 0, 0] : [0, 1, 0];
  const u = cross(n, helper);
  const v = cross(n, u);
  return points
    .map((p) => ({ p, angle: Math.atan2(dot(sub(p, c), v), dot(sub(p, c), u)) }))
    .sort((x, y) => x.angle - y.angle)
    .map((x) => x.p);
}

/** Volume of a convex polyhedron from its faces: tetrahedra fanned from the mean of its vertices. */
function polyhedronVolume(faces: Faces): number {
  const c: Point3 = [0, 0, 0];
  let count = 0;
  for (const f of faces) for (const p of f) {
    c[0] += p[0];
    c[1] += p[1];
    c[2] += p[2];
    count++;
  }
  c[0] /= count;
  c[1] /= count;
  c[2] /= count;
  let volume = 0;
  for (const f of faces) {
    const p0 = sub(f[0] as Point3, c);
    for (let i = 1; i + 1 < f.length; i++) {
      volume += Math.abs(dot(p0, cross(sub(f[i] as Point3, c), sub(f[i + 1] as Point3, c)))) / 6;
    }
  }
  return volume;
}
