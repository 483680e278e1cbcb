import type { Point2 } from '../annotation.js';
import { pointsBounds, type Rect } from './box.js';
import { clipConvex, ringArea } from './convex.js';

/**
 * The geometry of a polygon annotation, image pixels: an outer ring and optional holes, none of
 * them closed (the first point is not repeated). Holes are assumed to lie inside the outer ring and
 * not to overlap one another, as the annotation model requires.
 */
export interface PolygonGeometry {
  points: readonly Point2[];
  holes?: readonly (readonly Point2[])[];
}

/** What {@link nearestEdge} finds: the edge closest to a point, and where to insert a vertex. */
export interface NearestEdge {
  /** Index of the edge's first vertex; the edge runs to `index + 1` (wrapping for a closed ring). */
  index: number;
  /** Index at which to splice a new vertex into the points array to split this edge. */
  insertAt: number;
  /** Distance from the point to the edge, pixels. */
  distance: number;
  /** The closest point on the edge. */
  point: Point2;
}

/**
 * Signed area of one ring (shoelace), square pixels: positive when the ring runs clockwise on
 * screen (y axis down), negative when counter-clockwise.
 */
export function polygonSignedArea(ring: readonly Point2[]): number {
  return ringArea(ring);
}

/** Area of a polygon, square pixels: the outer ring's absolute area minus those of its holes. */
export function polygonArea(polygon: PolygonGeometry): number {
  let area = Math.abs(ringArea(polygon.points));
  for (const hole of polygon.holes ?? []) area -= Math.abs(ringArea(hole));
  return Math.max(0, area);
}

/**
 * True when `point` is inside the polygon by the even-odd rule over all rings, so a point inside a
 * hole is outside. Points exactly on an edge may go either way.
 */
export function pointInPolygon(polygon: PolygonGeometry, point: Point2): boolean {
  let inside = ringCrossings(polygon.points, point);
  for (const hole of polygon.holes ?? []) if (ringCrossings(hole, point)) inside = !inside;
  return inside;
}

/** Even-odd ray cast along +x: true when the ray crosses the ring an odd number of times. */
function ringCrossings(ring: readonly Point2[], [px, py]: Point2): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi] = ring[i] as Point2;
    const [xj, yj] = ring[j] as Point2;
    // Half-open test in y so a vertex on the ray counts once.
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * How many different points a ring has (exact coordinate equality, or within `tolerance` pixels
 * when given). A valid polygon needs at least 3.
 */
export function distinctPointCount(points: readonly Point2[], tolerance = 0): number {
  if (tolerance <= 0) return new Set(points.map(([x, y]) => `${x},${y}`)).size;
  const kept: Point2[] = [];
  for (const p of points) {
    if (!kept.some((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) <= tolerance)) kept.push(p);
  }
  return kept.length;
}

/** Axis-aligned bounding rectangle of the polygon (its outer ring). */
export function polygonBounds(polygon: PolygonGeometry): Rect {
  return pointsBounds(polygon.points);
}

/**
 * Area-weighted centroid of the polygon, holes subtracted. For a degenerate polygon (zero area)
 * it is the mean of the outer ring's points; `[NaN, NaN]` for no points.
 */
export function polygonCentroid(polygon: PolygonGeometry): Point2 {
  let area = 0;
  let sx = 0;
  let sy = 0;
  const add = (ring: readonly Point2[], sign: number): void => {
    const n = ring.length;
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < n; i++) {
      const p = ring[i] as Point2;
      const q = ring[(i + 1) % n] as Point2;
      const cross = p[0] * q[1] - q[0] * p[1];
      a += cross;
      cx += (p[0] + q[0]) * cross;
      cy += (p[1] + q[1]) * cross;
    }
    // Normalise orientation so the outer ring adds and holes subtract, whatever their winding.
    const s = a < 0 ? -sign : sign;
    area += (s * a) / 2;
    sx += (s * cx) / 6;
    sy += (s * cy) / 6;
  };
  add(polygon.points, 1);
  for (const hole of polygon.holes ?? []) add(hole, -1);
  const scale = Math.max(1, ...polygon.points.map(([x, y]) => Math.abs(x) + Math.abs(y)));
  if (Math.abs(area) <= 1e-12 * scale * scale) {
    const n = polygon.points.length;
    if (n === 0) return [NaN, NaN];
    let mx = 0;
    let my = 0;
    for (const [x, y] of polygon.points) {
      mx += x;
      my += y;
    }
    return [mx / n, my / n];
  }
  return [sx / area, sy / area];
}

/** The point of segment a–b closest to `p`. */
export function closestPointOnSegment(p: Point2, a: Point2, b: Point2): Point2 {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return [a[0], a[1]];
  const t = Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return [a[0] + t * dx, a[1] + t * dy];
}

/** Euclidean distance from `p` to the segment a–b, pixels. */
export function pointToSegmentDistance(p: Point2, a: Point2, b: Point2): number {
  const [x, y] = closestPointOnSegment(p, a, b);
  return Math.hypot(p[0] - x, p[1] - y);
}

/**
 * The edge of `points` nearest to `point` — where a click should insert a new vertex. With
 * `closed` (the default, for polygons) the last point connects back to the first; pass `false` for
 * polylines. `null` when there are fewer than 2 points. Ties go to the lower index.
 */
export function nearestEdge(points: readonly Point2[], point: Point2, closed = true): NearestEdge | null {
  const n = points.length;
  if (n < 2) return null;
  const edges = closed && n > 2 ? n : n - 1;
  let best: NearestEdge | null = null;
  for (let i = 0; i < edges; i++) {
    const a = points[i] as Point2;
    const b = points[(i + 1) % n] as Point2;
    const q = closestPointOnSegment(point, a, b);
    const distance = Math.hypot(point[0] - q[0], point[1] - q[1]);
    if (best === null || distance < best.distance) best = { index: i, insertAt: i + 1, distance, point: q };
  }
  return best;
}

/** A fan triangle with the sign of its contribution to the ring's winding number. */
interface SignedTriangle {
  tri: [Point2, Point2, Point2];
  sign: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Decomposes a polygon into triangles fanned from `apex`, each signed so that the signed sum of
 * their indicator functions equals the polygon's indicator almost everywhere (outer ring +1,
 * holes oriented the other way so they cancel to 0).
 */
function fanTriangles(polygon: PolygonGeometry, apex: Point2): SignedTriangle[] {
  const out: SignedTriangle[] = [];
  const addRing = (ring: readonly Point2[], want: number): void => {
    const flip = Math.sign(ringArea(ring)) === want ? 1 : -1;
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const p = ring[i] as Point2;
      const q = ring[(i + 1) % n] as Point2;
      const cross = (p[0] - apex[0]) * (q[1] - apex[1]) - (q[0] - apex[0]) * (p[1] - apex[1]);
      if (cross === 0) continue;
      out.push({
        tri: [apex, p, q],
        sign: flip * Math.sign(cross),
        minX: Math.min(apex[0], p[0], q[0]),
        minY: Math.min(apex[1], p[1], q[1]),
        maxX: Math.max(apex[0], p[0], q[0]),
        maxY: Math.max(apex[1], p[1], q[1]),
      });
    }
  };
  if (ringArea(polygon.points) === 0) return out;
  addRing(polygon.points, 1);
  for (const hole of polygon.holes ?? []) if (ringArea(hole) !== 0) addRing(hole, -1);
  return out;
}

/**
 * Area of the overlap of two simple polygons (holes respected), square pixels. Exact up to
 * floating point for any simple polygons, convex or not: each polygon is written as a signed sum of
 * fan triangles, and the overlap area is the signed sum of the pairwise triangle overlaps, each a
 * convex clip. Cost O(n·m) triangle clips for rings of n and m vertices (bounding boxes skip most).
 */
export function polygonIntersectionArea(a: PolygonGeometry, b: PolygonGeometry): number {
  const first = a.points[0];
  if (first === undefined || b.points.length === 0) return 0;
  // A shared apex near the shapes keeps the signed sums from cancelling large numbers.
  const apex: Point2 = [first[0], first[1]];
  const ta = fanTriangles(a, apex);
  const tb = fanTriangles(b, apex);
  let sum = 0;
  let magnitude = 0;
  for (const s of ta) {
    for (const t of tb) {
      if (s.maxX <= t.minX || t.maxX <= s.minX || s.maxY <= t.minY || t.maxY <= s.minY) continue;
      const overlap = clipConvex(s.tri, t.tri);
      if (overlap.length === 0) continue;
      const area = Math.abs(ringArea(overlap));
      sum += s.sign * t.sign * area;
      magnitude += area;
    }
  }
  // Terms of opposite sign cancel; what is left at rounding level is really zero.
  if (sum <= 1e-12 * magnitude) return 0;
  return Math.min(sum, polygonArea(a), polygonArea(b));
}

/**
 * Intersection over union of two simple polygons with optional holes, in [0, 1]; exact (see
 * {@link polygonIntersectionArea}). Two empty polygons give 0.
 */
export function polygonIoU(a: PolygonGeometry, b: PolygonGeometry): number {
  const inter = polygonIntersectionArea(a, b);
  const union = polygonArea(a) + polygonArea(b) - inter;
  return union > 0 ? Math.min(1, Math.max(0, inter / union)) : 0;
}
