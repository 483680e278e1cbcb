import { boxCorners as coreBoxCorners, ringArea as signedRingArea, type Point2 } from '@labelkit/core';

/** A box in labelkit's convention: unrotated top-left corner, size, degrees clockwise about the centre. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  rotation?: number;
}

const RAD = Math.PI / 180;

/** Rotates `(dx, dy)` clockwise on screen (y down) by `deg` degrees. */
export function rotate(dx: number, dy: number, deg: number): Point2 {
  const c = Math.cos(deg * RAD);
  const s = Math.sin(deg * RAD);
  return [dx * c - dy * s, dx * s + dy * c];
}

/** The four corners of a (rotated) box: top-left, top-right, bottom-right, bottom-left of the unrotated box (core's `boxCorners`). */
export const boxCorners: (b: Box) => Point2[] = coreBoxCorners;

/** Normalises degrees to [0, 360). */
export function normaliseDegrees(deg: number): number {
  const d = deg % 360;
  const n = d < 0 ? d + 360 : d;
  return n >= 360 - 1e-9 ? 0 : n;
}

/**
 * The box whose corners are `[p0, p1, p2, p3]` in order (p0→p1 is the top edge). Rotation is
 * `undefined` when it is 0 (within 1e-9 degrees).
 */
export function boxFromCorners(p: readonly Point2[]): Box {
  const [p0, p1, p2, p3] = p as [Point2, Point2, Point2, Point2];
  const cx = (p0[0] + p1[0] + p2[0] + p3[0]) / 4;
  const cy = (p0[1] + p1[1] + p2[1] + p3[1]) / 4;
  const width = Math.hypot(p1[0] - p0[0], p1[1] - p0[1]);
  const height = Math.hypot(p2[0] - p1[0], p2[1] - p1[1]);
  const rotation = normaliseDegrees(Math.atan2(p1[1] - p0[1], p1[0] - p0[0]) / RAD);
  const box: Box = { x: cx - width / 2, y: cy - height / 2, width, height };
  if (Math.abs(rotation) > 1e-9) box.rotation = rotation;
  return box;
}

/** Axis-aligned bounds `[minX, minY, maxX, maxY]` of points. */
export function bounds(points: readonly Point2[]): [number, number, number, number] {
  // Kept as min/max (not core's x/width rectangle) so maxX is exactly a coordinate of the input.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/** Unsigned area of a ring (shoelace). */
export function ringArea(ring: readonly Point2[]): number {
  return Math.abs(signedRingArea(ring));
}

/** Flat `[x1, y1, x2, y2, ...]` from points. */
export function flatten(points: readonly Point2[]): number[] {
  return points.flatMap(([x, y]) => [x, y]);
}

/** Points from a flat list of even length. */
export function pairs(flat: readonly number[]): Point2[] {
  const out: Point2[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
}

/** Drops a closing point equal to the first one (formats that repeat it). */
export function openRing(points: Point2[]): Point2[] {
  if (points.length > 3) {
    const a = points[0]!;
    const b = points[points.length - 1]!;
    if (a[0] === b[0] && a[1] === b[1]) return points.slice(0, -1);
  }
  return points;
}
