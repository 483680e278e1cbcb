import { clampBox, type Point2 } from '@labelkit/core';
import { boxHandlePoints, resizeBox, rotateBoxToward, RESIZE_DIRECTIONS, type ResizeDirection } from './box-handles.js';
import type { ImageSize, Modifiers } from './events.js';
import type { ImageAnnotation } from './shapes.js';
import { edgeMidpoints, insertVertex, moveVertex } from './tools/polygon-tool.js';
import { moveJoint } from './tools/keypoint-tool.js';

/** A grab point on a selected shape. */
export type Handle =
  | { kind: 'resize'; dir: ResizeDirection }
  | { kind: 'rotate' }
  /** A polygon vertex; `ring` 0 is the outer ring, `k ≥ 1` hole `k - 1`. */
  | { kind: 'vertex'; ring: number; index: number }
  /** The midpoint of the edge from vertex `index` to `index + 1`: dragging it inserts a vertex. */
  | { kind: 'midpoint'; ring: number; index: number }
  | { kind: 'joint'; index: number };

/** A handle of one annotation, with its position in image pixels. */
export interface HandleHit {
  id: string;
  handle: Handle;
  point: Point2;
}

/** Handle sizes in screen pixels. */
export const HANDLE_SIZE = { radius: 5, hitRadius: 8, rotateOffset: 24 } as const;

/** Every handle of a selected shape at `zoom` (the rotation handle sits a fixed screen distance above the box). */
export function handlesOf(a: ImageAnnotation, zoom: number): HandleHit[] {
  const out: HandleHit[] = [];
  if (a.kind === 'bbox') {
    const pts = boxHandlePoints(a, HANDLE_SIZE.rotateOffset / zoom);
    out.push({ id: a.id, handle: { kind: 'rotate' }, point: pts.rotate });
    for (const dir of RESIZE_DIRECTIONS) out.push({ id: a.id, handle: { kind: 'resize', dir }, point: pts.resize[dir] });
  } else if (a.kind === 'polygon') {
    const rings = [a.points, ...(a.holes ?? [])];
    rings.forEach((ring, r) => {
      ring.forEach((p, index) => out.push({ id: a.id, handle: { kind: 'vertex', ring: r, index }, point: p }));
      edgeMidpoints(ring).forEach((p, index) => out.push({ id: a.id, handle: { kind: 'midpoint', ring: r, index }, point: p }));
    });
  } else {
    a.points.forEach((p, index) => {
      if (p.visibility > 0) out.push({ id: a.id, handle: { kind: 'joint', index }, point: [p.x, p.y] });
    });
  }
  return out;
}

/** The handle under `point` (image pixels) among `shapes`, vertices before midpoints; `null` if none. */
export function hitHandle(shapes: readonly ImageAnnotation[], point: Point2, zoom: number): HandleHit | null {
  let best: HandleHit | null = null;
  let bestD = (HANDLE_SIZE.hitRadius / zoom) ** 2;
  for (const a of shapes) {
    for (const h of handlesOf(a, zoom)) {
      const d = (h.point[0] - point[0]) ** 2 + (h.point[1] - point[1]) ** 2;
      // Midpoints lose ties to real vertices.
      const bias = h.handle.kind === 'midpoint' ? 1.0001 : 1;
      if (d * bias <= bestD) {
        bestD = d * bias;
        best = h;
      }
    }
  }
  return best;
}

/** Options for dragging a handle. */
export interface HandleDragOptions {
  image: ImageSize;
  minSize: number;
  bounds: 'clamp' | 'allow';
}

function clampPoint(p: Point2, o: HandleDragOptions): Point2 {
  if (o.bounds !== 'clamp') return p;
  return [Math.min(o.image.width, Math.max(0, p[0])), Math.min(o.image.height, Math.max(0, p[1]))];
}

/**
 * The shape after dragging `handle` of `original` to `point`: resize (Shift keeps the aspect on
 * corners), rotate (Shift snaps to 15°), move a vertex or a joint. Boxes are clamped to the image
 * when `bounds` is `'clamp'`.
 */
export function dragHandle(original: ImageAnnotation, handle: Handle, point: Point2, modifiers: Modifiers, o: HandleDragOptions): ImageAnnotation {
  if (original.kind === 'bbox') {
    let next = original;
    if (handle.kind === 'resize') next = resizeBox(original, handle.dir, (original.rotation ?? 0) % 360 === 0 ? clampPoint(point, o) : point, o.minSize, modifiers.shift);
    else if (handle.kind === 'rotate') next = rotateBoxToward(original, point, modifiers.shift);
    if (o.bounds === 'clamp' && handle.kind === 'rotate') next = clampBox(next, o.image.width, o.image.height);
    if (o.bounds === 'clamp' && handle.kind === 'resize' && (next.rotation ?? 0) % 360 !== 0) next = clampBox(next, o.image.width, o.image.height);
    return next;
  }
  if (original.kind === 'polygon') {
    if (handle.kind === 'vertex') return moveVertex(original, handle.ring, handle.index, clampPoint(point, o));
    if (handle.kind === 'midpoint') return moveVertex(insertVertex(original, handle.ring, handle.index, point), handle.ring, handle.index + 1, clampPoint(point, o));
    return original;
  }
  if (handle.kind === 'joint') return { ...original, points: moveJoint(original.points, handle.index, clampPoint(point, o)) };
  return original;
}
