import type { Point2 } from '../annotation.js';
import { clipConvex, ringArea } from './convex.js';

/**
 * The geometry of a box annotation, image pixels: `x`/`y` are the top-left corner of the unrotated
 * box, `rotation` is in degrees, clockwise on screen (y axis down), about the box centre.
 */
export interface BoxGeometry {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Degrees clockwise on screen about the centre; absent means 0. */
  rotation?: number;
}

/** An axis-aligned rectangle, image pixels: top-left corner and size. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const DEG = Math.PI / 180;

/** True when the box's rotation is a whole number of turns (absent, 0, 360, -360, ...). */
function isUnrotated(box: BoxGeometry): boolean {
  return (box.rotation ?? 0) % 360 === 0;
}

/** The centre of a box, image pixels. Rotation about the centre leaves it unchanged. */
export function boxCenter(box: BoxGeometry): Point2 {
  return [box.x + box.width / 2, box.y + box.height / 2];
}

/**
 * The four corners of a (possibly rotated) box, image pixels, in the order top-left, top-right,
 * bottom-right, bottom-left of the unrotated box — clockwise on screen.
 */
export function boxCorners(box: BoxGeometry): Point2[] {
  const [cx, cy] = boxCenter(box);
  const hw = box.width / 2;
  const hh = box.height / 2;
  const local: Point2[] = [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh],
  ];
  if (isUnrotated(box)) return local.map(([dx, dy]) => [cx + dx, cy + dy]);
  const a = (box.rotation ?? 0) * DEG;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  // With y pointing down, the usual counter-clockwise matrix turns clockwise on screen.
  return local.map(([dx, dy]) => [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos]);
}

/** The axis-aligned bounding rectangle of a (possibly rotated) box. */
export function boxBounds(box: BoxGeometry): Rect {
  if (isUnrotated(box)) return { x: box.x, y: box.y, width: box.width, height: box.height };
  return pointsBounds(boxCorners(box));
}

/** The axis-aligned bounding rectangle of a list of points; a zero rectangle at (0,0) when empty. */
export function pointsBounds(points: readonly Point2[]): Rect {
  if (points.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
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
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** True when `point` lies inside the (possibly rotated) box or on its edge. */
export function pointInBox(box: BoxGeometry, point: Point2): boolean {
  const [cx, cy] = boxCenter(box);
  let dx = point[0] - cx;
  let dy = point[1] - cy;
  if (!isUnrotated(box)) {
    // Rotate the point back into the box's own frame.
    const a = -(box.rotation ?? 0) * DEG;
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    [dx, dy] = [dx * cos - dy * sin, dx * sin + dy * cos];
  }
  const eps = 1e-9 * Math.max(1, box.width, box.height);
  return Math.abs(dx) <= box.width / 2 + eps && Math.abs(dy) <= box.height / 2 + eps;
}

/**
 * The unrotated box spanned by two opposite corners given in any order (as while dragging out a
 * new box). Width and height are never negative.
 */
export function boxFromPoints(a: Point2, b: Point2): Rect {
  const x = Math.min(a[0], b[0]);
  const y = Math.min(a[1], b[1]);
  return { x, y, width: Math.abs(b[0] - a[0]), height: Math.abs(b[1] - a[1]) };
}

/**
 * Fits a box into an image of `imageWidth` × `imageHeight` pixels.
 *
 * - Unrotated box: cropped to the image (its intersection with `[0,W]×[0,H]`). A box entirely
 *   outside the image comes back with zero width or height at the nearest edge — callers should
 *   drop it.
 * - Rotated box: cropping would not leave a box, so the rotation is kept and the box is first
 *   moved so its corners lie inside the image; if it is too large to fit at its angle, it is also
 *   shrunk about its centre, keeping its aspect ratio, until it fits.
 *
 * Returns a new object; `rotation` is copied when present.
 */
export function clampBox<B extends BoxGeometry>(box: B, imageWidth: number, imageHeight: number): B {
  if (isUnrotated(box)) {
    const x0 = Math.min(Math.max(box.x, 0), imageWidth);
    const y0 = Math.min(Math.max(box.y, 0), imageHeight);
    const x1 = Math.min(Math.max(box.x + box.width, 0), imageWidth);
    const y1 = Math.min(Math.max(box.y + box.height, 0), imageHeight);
    return { ...box, x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
  }
  const bounds = boxBounds(box);
  // The bounds of a rotated box scale linearly with its size, so one factor makes it fit.
  const scale = Math.min(
    1,
    bounds.width > 0 ? imageWidth / bounds.width : 1,
    bounds.height > 0 ? imageHeight / bounds.height : 1,
  );
  const width = box.width * scale;
  const height = box.height * scale;
  const halfW = (bounds.width * scale) / 2;
  const halfH = (bounds.height * scale) / 2;
  const [cx, cy] = boxCenter(box);
  const ncx = Math.min(Math.max(cx, halfW), imageWidth - halfW);
  const ncy = Math.min(Math.max(cy, halfH), imageHeight - halfH);
  return { ...box, x: ncx - width / 2, y: ncy - height / 2, width, height };
}

/** The area of a box, square pixels (rotation does not change it). */
export function boxArea(box: BoxGeometry): number {
  return Math.abs(box.width * box.height);
}

/**
 * Intersection over union of two boxes, in [0, 1]. Exact for rotated boxes: the overlap is found
 * by clipping one box's corner quad by the other's (Sutherland–Hodgman on convex polygons).
 * Two empty boxes give 0.
 */
export function boxIoU(a: BoxGeometry, b: BoxGeometry): number {
  const areaA = boxArea(a);
  const areaB = boxArea(b);
  let inter: number;
  if (isUnrotated(a) && isUnrotated(b)) {
    const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
    const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
    inter = w > 0 && h > 0 ? w * h : 0;
  } else {
    inter = Math.abs(ringArea(clipConvex(boxCorners(a), boxCorners(b))));
  }
  const union = areaA + areaB - inter;
  return union > 0 ? Math.min(1, Math.max(0, inter / union)) : 0;
}
