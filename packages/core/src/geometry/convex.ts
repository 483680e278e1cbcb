import type { Point2 } from '../annotation.js';

/**
 * Signed area of a ring by the shoelace formula, square pixels. With the image's y axis pointing
 * down, a ring that runs clockwise on screen has a positive area. The ring is not closed (the
 * first point is not repeated).
 */
export function ringArea(ring: readonly Point2[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = ring[i] as Point2;
    const q = ring[(i + 1) % n] as Point2;
    sum += p[0] * q[1] - q[0] * p[1];
  }
  return sum / 2;
}

/**
 * Clips `subject` (any polygon) by the convex polygon `clip`, either orientation
 * (Sutherland–Hodgman). When `subject` is convex too the result is exactly their intersection;
 * an empty array means they do not overlap.
 */
export function clipConvex(subject: readonly Point2[], clip: readonly Point2[]): Point2[] {
  const orientation = Math.sign(ringArea(clip));
  if (orientation === 0 || subject.length < 3) return [];
  let output: Point2[] = subject.slice();
  const n = clip.length;
  for (let i = 0; i < n && output.length > 0; i++) {
    const a = clip[i] as Point2;
    const b = clip[(i + 1) % n] as Point2;
    const ex = b[0] - a[0];
    const ey = b[1] - a[1];
    // Positive side of edge a→b, scaled so "inside" is >= 0 whatever the clip ring's orientation.
    const side = (p: Point2): number => orientation * (ex * (p[1] - a[1]) - ey * (p[0] - a[0]));
    const input = output;
    output = [];
    let prev = input[input.length - 1] as Point2;
    let prevSide = side(prev);
    for (const cur of input) {
      const curSide = side(cur);
      if (curSide >= 0) {
        if (prevSide < 0) output.push(intersect(prev, cur, prevSide, curSide));
        output.push(cur);
      } else if (prevSide >= 0) {
        output.push(intersect(prev, cur, prevSide, curSide));
      }
      prev = cur;
      prevSide = curSide;
    }
  }
  return output.length >= 3 ? output : [];
}

/** Where segment p→q crosses the clip line, from the points' signed distances to that line. */
function intersect(p: Point2, q: Point2, sp: number, sq: number): Point2 {
  const t = sp / (sp - sq);
  return [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
}
