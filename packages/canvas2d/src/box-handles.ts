import { boxCenter, type BBoxAnnotation, type Point2 } from '@labelkit/core';

/** A resize handle of a box: an edge (`n`, `e`, `s`, `w`) or a corner (`ne`, ...), in the box's own (unrotated) frame. */
export type ResizeDirection = 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w' | 'nw';

/** The eight resize directions, clockwise from the top edge. */
export const RESIZE_DIRECTIONS: readonly ResizeDirection[] = ['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'];

/** An edge of a box, for keyboard resizing (Alt+arrows). */
export type BoxEdge = 'n' | 'e' | 's' | 'w';

const DEG = Math.PI / 180;

function rotate([x, y]: Point2, deg: number): Point2 {
  if (!deg) return [x, y];
  const c = Math.cos(deg * DEG);
  const s = Math.sin(deg * DEG);
  return [x * c - y * s, x * s + y * c];
}

/** Where a box's handles are, image pixels: the eight resize handles and the rotation handle `rotateOffset` above the top edge. */
export function boxHandlePoints(box: BBoxAnnotation, rotateOffset: number): { resize: Record<ResizeDirection, Point2>; rotate: Point2; topCenter: Point2 } {
  const [cx, cy] = boxCenter(box);
  const hw = box.width / 2;
  const hh = box.height / 2;
  const r = box.rotation ?? 0;
  const at = (lx: number, ly: number): Point2 => {
    const [dx, dy] = rotate([lx, ly], r);
    return [cx + dx, cy + dy];
  };
  return {
    resize: { n: at(0, -hh), ne: at(hw, -hh), e: at(hw, 0), se: at(hw, hh), s: at(0, hh), sw: at(-hw, hh), w: at(-hw, 0), nw: at(-hw, -hh) },
    rotate: at(0, -hh - rotateOffset),
    topCenter: at(0, -hh),
  };
}

/**
 * Resizes a (possibly rotated) box by dragging handle `dir` to `point` (image pixels). The opposite
 * edge or corner stays fixed; width and height never go below `minSize` (no flipping).
 * With `keepAspect` a corner drag keeps the width/height ratio.
 */
export function resizeBox(box: BBoxAnnotation, dir: ResizeDirection, point: Point2, minSize: number, keepAspect = false): BBoxAnnotation {
  const [cx, cy] = boxCenter(box);
  const r = box.rotation ?? 0;
  const [px, py] = rotate([point[0] - cx, point[1] - cy], -r);
  let l = -box.width / 2;
  let rt = box.width / 2;
  let t = -box.height / 2;
  let b = box.height / 2;
  if (dir.includes('e')) rt = Math.max(px, l + minSize);
  if (dir.includes('w')) l = Math.min(px, rt - minSize);
  if (dir.includes('s')) b = Math.max(py, t + minSize);
  if (dir.includes('n')) t = Math.min(py, b - minSize);
  if (keepAspect && dir.length === 2 && box.height > 0) {
    const ratio = box.width / box.height;
    const w = rt - l;
    const h = b - t;
    if (w / h > ratio) {
      const nh = w / ratio;
      if (dir.includes('n')) t = b - nh;
      else b = t + nh;
    } else {
      const nw = h * ratio;
      if (dir.includes('w')) l = rt - nw;
      else rt = l + nw;
    }
  }
  const [mx, my] = rotate([(l + rt) / 2, (t + b) / 2], r);
  const width = rt - l;
  const height = b - t;
  return { ...box, x: cx + mx - width / 2, y: cy + my - height / 2, width, height };
}

/** Normalises degrees to [0, 360). */
export function normalizeDegrees(deg: number): number {
  const d = deg % 360;
  return d < 0 ? d + 360 : d === 0 ? 0 : d;
}

/**
 * The box turned so its rotation handle points at `point`: 0° when the pointer is straight above
 * the centre, clockwise positive. `snap` rounds to multiples of 15°.
 */
export function rotateBoxToward(box: BBoxAnnotation, point: Point2, snap: boolean): BBoxAnnotation {
  const [cx, cy] = boxCenter(box);
  let deg = Math.atan2(point[0] - cx, -(point[1] - cy)) / DEG;
  if (snap) deg = Math.round(deg / 15) * 15;
  return { ...box, rotation: normalizeDegrees(deg) };
}

/** The box rotated by `delta` degrees about its centre (clockwise positive). */
export function rotateBoxBy(box: BBoxAnnotation, delta: number): BBoxAnnotation {
  return { ...box, rotation: normalizeDegrees((box.rotation ?? 0) + delta) };
}

/** Moves one edge of a box outward (positive `amount`) or inward, keeping the opposite edge and `minSize`. */
export function moveBoxEdge(box: BBoxAnnotation, edge: BoxEdge, amount: number, minSize: number): BBoxAnnotation {
  const pts = boxHandlePoints(box, 0).resize;
  const [cx, cy] = boxCenter(box);
  const handle = pts[edge];
  // Outward unit normal of the edge, in image space.
  const len = Math.hypot(handle[0] - cx, handle[1] - cy) || 1;
  const nx = (handle[0] - cx) / len;
  const ny = (handle[1] - cy) / len;
  return resizeBox(box, edge, [handle[0] + nx * amount, handle[1] + ny * amount], minSize);
}
