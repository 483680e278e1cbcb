import {
  boxBounds,
  boxCenter,
  boxCorners,
  pointInBox,
  pointInPolygon,
  pointToSegmentDistance,
  pointsBounds,
  type Annotation,
  type BBoxAnnotation,
  type KeypointsAnnotation,
  type Point2,
  type PolygonAnnotation,
} from '@labelkit/core';
import type { Bounds } from './spatial-index.js';
import type { ImageSize } from './events.js';

/** The annotation kinds the image annotator draws and edits. */
export type ImageAnnotation = BBoxAnnotation | PolygonAnnotation | KeypointsAnnotation;

/** The tools of the image annotator. */
export type ImageTool = 'bbox' | 'polygon' | 'keypoints';

/** True for the kinds the image annotator handles. */
export function isImageAnnotation(a: Annotation): a is ImageAnnotation {
  return a.kind === 'bbox' || a.kind === 'polygon' || a.kind === 'keypoints';
}

/** Axis-aligned bounds of an image annotation (labelled keypoints only), image pixels. */
export function annotationBounds(a: ImageAnnotation): Bounds {
  if (a.kind === 'bbox') return boxBounds(a);
  if (a.kind === 'polygon') return pointsBounds(a.points);
  const placed = a.points.filter((p) => p.visibility > 0).map((p): Point2 => [p.x, p.y]);
  return pointsBounds(placed);
}

/** A point that orders shapes for Tab navigation (top-left of the bounds). */
export function annotationAnchor(a: ImageAnnotation): Point2 {
  const b = annotationBounds(a);
  return [b.x, b.y];
}

/** The annotation moved by `(dx, dy)` image pixels (a new object). */
export function translateAnnotation<A extends ImageAnnotation>(a: A, dx: number, dy: number): A {
  if (a.kind === 'bbox') return { ...a, x: a.x + dx, y: a.y + dy };
  if (a.kind === 'polygon') {
    const moved: PolygonAnnotation = { ...a, points: a.points.map(([x, y]): Point2 => [x + dx, y + dy]) };
    if (a.holes) moved.holes = a.holes.map((h) => h.map(([x, y]): Point2 => [x + dx, y + dy]));
    return moved as A;
  }
  return { ...a, points: a.points.map((p) => (p.visibility > 0 ? { ...p, x: p.x + dx, y: p.y + dy } : p)) } as A;
}

/**
 * Limits a move of shapes with union bounds `bounds` so they stay inside the image: returns the
 * allowed `[dx, dy]`. A shape already larger than the image is not forced in.
 */
export function clampDelta(bounds: Bounds, dx: number, dy: number, image: ImageSize): [number, number] {
  const lim = (start: number, size: number, d: number, max: number): number => {
    if (size > max) return d;
    const lo = Math.min(0, -start);
    const hi = Math.max(0, max - (start + size));
    return Math.min(hi, Math.max(lo, d));
  };
  return [lim(bounds.x, bounds.width, dx, image.width), lim(bounds.y, bounds.height, dy, image.height)];
}

/** Union of bounds; a zero rectangle for none. */
export function unionBounds(list: readonly Bounds[]): Bounds {
  if (list.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of list) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * True when `point` hits the shape: inside a box or polygon (not in a hole), or within `slop`
 * image pixels of its outline, a keypoint or a skeleton edge.
 */
export function hitsAnnotation(a: ImageAnnotation, point: Point2, slop: number): boolean {
  if (a.kind === 'bbox') {
    if (pointInBox(a, point)) return true;
    const c = boxCorners(a);
    return ringDistance(c, point) <= slop;
  }
  if (a.kind === 'polygon') {
    if (pointInPolygon(a, point)) return true;
    return ringDistance(a.points, point) <= slop;
  }
  return a.points.some((p) => p.visibility > 0 && Math.hypot(p.x - point[0], p.y - point[1]) <= Math.max(slop, 4));
}

function ringDistance(ring: readonly Point2[], p: Point2): number {
  let best = Infinity;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as Point2;
    const b = ring[(i + 1) % ring.length] as Point2;
    best = Math.min(best, pointToSegmentDistance(p, a, b));
  }
  return best;
}

/** Area used to prefer the innermost of overlapping shapes when hit-testing. */
export function hitArea(a: ImageAnnotation): number {
  const b = annotationBounds(a);
  return Math.max(1, b.width * b.height);
}

/** The centre of a shape's bounds (boxes: the rotation centre). */
export function annotationCenter(a: ImageAnnotation): Point2 {
  if (a.kind === 'bbox') return boxCenter(a);
  const b = annotationBounds(a);
  return [b.x + b.width / 2, b.y + b.height / 2];
}
