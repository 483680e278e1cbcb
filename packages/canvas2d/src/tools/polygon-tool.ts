import { distinctPointCount, pointInPolygon, ringArea, type Point2, type PolygonAnnotation } from '@labelkit/core';
import { distance, type ImageSize, type ToolEvent } from '../events.js';

/** States of the polygon-drawing tool: `idle`, or `drawing` with the vertices placed so far. */
export type PolygonToolState = { name: 'idle' } | { name: 'drawing'; points: Point2[]; cursor: Point2 | null };

/** What the polygon tool needs to know. */
export interface PolygonToolContext {
  image: ImageSize;
  /** Screen pixels per image pixel (the close radius is in screen pixels). */
  zoom: number;
  /** `'clamp'` keeps vertices inside the image. */
  bounds: 'clamp' | 'allow';
}

/** Result of one event. */
export interface PolygonToolResult {
  state: PolygonToolState;
  /** The finished ring (at least 3 distinct points, non-zero area). */
  created?: Point2[];
  handled: boolean;
}

/** The polygon tool's starting state. */
export const POLYGON_IDLE: PolygonToolState = { name: 'idle' };

/** Clicking within this many screen pixels of the first vertex closes the polygon. */
export const CLOSE_RADIUS = 8;

function clampPoint(p: Point2, ctx: PolygonToolContext): Point2 {
  if (ctx.bounds !== 'clamp') return [p[0], p[1]];
  return [Math.min(ctx.image.width, Math.max(0, p[0])), Math.min(ctx.image.height, Math.max(0, p[1]))];
}

function close(points: Point2[]): PolygonToolResult {
  if (distinctPointCount(points) >= 3 && ringArea(points) !== 0) return { state: POLYGON_IDLE, created: points, handled: true };
  // Too few points to make a polygon: keep drawing.
  return { state: { name: 'drawing', points, cursor: null }, handled: true };
}

/**
 * The polygon tool: each click adds a vertex; clicking the first vertex, Enter or a double click
 * closes the ring; Backspace removes the last vertex; Escape cancels.
 */
export function polygonTool(state: PolygonToolState, event: ToolEvent, ctx: PolygonToolContext): PolygonToolResult {
  if (event.type === 'cancel') return { state: POLYGON_IDLE, handled: state.name !== 'idle' };
  if (state.name === 'idle') {
    if (event.type === 'pointerdown') return { state: { name: 'drawing', points: [clampPoint(event.point, ctx)], cursor: null }, handled: true };
    return { state, handled: false };
  }
  const pts = state.points;
  switch (event.type) {
    case 'pointermove':
      return { state: { ...state, cursor: clampPoint(event.point, ctx) }, handled: true };
    case 'pointerdown': {
      const first = pts[0] as Point2;
      if (pts.length >= 3 && distance(first, event.point) * ctx.zoom <= CLOSE_RADIUS) return close(pts);
      const p = clampPoint(event.point, ctx);
      const last = pts[pts.length - 1] as Point2;
      // A second press on the same spot (the first half of a double click) adds nothing.
      if (distance(last, p) * ctx.zoom < 1) return { state, handled: true };
      return { state: { ...state, points: [...pts, p] }, handled: true };
    }
    case 'doubleclick':
      return close(pts);
    case 'pointerup':
      return { state, handled: true };
    case 'key':
      if (event.key === 'Enter') return close(pts);
      if (event.key === 'Escape') return { state: POLYGON_IDLE, handled: true };
      if (event.key === 'Backspace') {
        if (pts.length <= 1) return { state: POLYGON_IDLE, handled: true };
        return { state: { ...state, points: pts.slice(0, -1) }, handled: true };
      }
      return { state, handled: false };
  }
}

/** Which ring of a polygon: 0 is the outer ring, `k ≥ 1` is hole `k - 1`. */
export type RingIndex = number;

function ringOf(p: PolygonAnnotation, ring: RingIndex): Point2[] | undefined {
  return ring === 0 ? p.points : p.holes?.[ring - 1];
}

function withRing(p: PolygonAnnotation, ring: RingIndex, points: Point2[]): PolygonAnnotation {
  if (ring === 0) return { ...p, points };
  const holes = [...(p.holes ?? [])];
  holes[ring - 1] = points;
  return { ...p, holes };
}

/** Moves one vertex to `point`. */
export function moveVertex(p: PolygonAnnotation, ring: RingIndex, index: number, point: Point2): PolygonAnnotation {
  const r = ringOf(p, ring);
  if (!r || index < 0 || index >= r.length) return p;
  const next = r.slice();
  next[index] = [point[0], point[1]];
  return withRing(p, ring, next);
}

/** Inserts a vertex after `index` (on the edge from `index` to `index + 1`). */
export function insertVertex(p: PolygonAnnotation, ring: RingIndex, index: number, point: Point2): PolygonAnnotation {
  const r = ringOf(p, ring);
  if (!r) return p;
  const next = r.slice();
  next.splice(index + 1, 0, [point[0], point[1]]);
  return withRing(p, ring, next);
}

/** Midpoints of each edge of a ring (for the insert handles). */
export function edgeMidpoints(ring: readonly Point2[]): Point2[] {
  return ring.map((a, i) => {
    const b = ring[(i + 1) % ring.length] as Point2;
    return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  });
}

/**
 * Removes vertices (`[ring, index]` pairs). A ring never goes below 3 vertices: removals that would
 * do so are skipped for that ring (returns `removed` = how many went).
 */
export function removeVertices(p: PolygonAnnotation, vertices: readonly [RingIndex, number][]): { polygon: PolygonAnnotation; removed: number } {
  let out = p;
  let removed = 0;
  const byRing = new Map<number, Set<number>>();
  for (const [ring, i] of vertices) {
    let s = byRing.get(ring);
    if (!s) byRing.set(ring, (s = new Set()));
    s.add(i);
  }
  for (const [ring, drop] of byRing) {
    const r = ringOf(out, ring);
    if (!r) continue;
    const kept = r.filter((_, i) => !drop.has(i));
    if (kept.length < 3 || ringArea(kept) === 0) continue;
    removed += r.length - kept.length;
    out = withRing(out, ring, kept);
  }
  return { polygon: out, removed };
}

/** Adds `ring` as a hole when all its vertices are inside the polygon; otherwise returns `null`. */
export function addHole(p: PolygonAnnotation, ring: readonly Point2[]): PolygonAnnotation | null {
  if (ring.length < 3 || !ring.every((pt) => pointInPolygon({ points: p.points }, pt))) return null;
  return { ...p, holes: [...(p.holes ?? []), ring.map((q): Point2 => [q[0], q[1]])] };
}
