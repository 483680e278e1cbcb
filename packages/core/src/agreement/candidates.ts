import type { Annotation } from '../annotation.js';
import { boxBounds, pointsBounds, type Rect } from '../geometry/box.js';
import { cuboidFootprint } from '../geometry/cuboid-overlap.js';

/**
 * Where an annotation lies, as a rectangle that any annotation it can overlap must touch: image
 * pixels for boxes and polygons, metres (footprint) for cuboids, `[start, end]` on x for spans,
 * segments and ranged tags; `null` when there is no cheap bound (keypoints, tracks, whole-item
 * tags), which pairs it with everything.
 */
function extent(a: Annotation): Rect | null {
  switch (a.kind) {
    case 'bbox':
      return boxBounds(a);
    case 'polygon':
      return pointsBounds(a.points);
    case 'cuboid':
      return pointsBounds(cuboidFootprint(a));
    case 'span':
    case 'segment':
      return { x: a.start, y: 0, width: a.end - a.start, height: 0 };
    case 'tag':
      return a.start !== undefined && a.end !== undefined ? { x: a.start, y: 0, width: a.end - a.start, height: 0 } : null;
    default:
      return null;
  }
}

/**
 * Every pair (index into `a`, index into `b`) of annotations of one kind whose extents touch
 * (closed rectangles), found by a sweep over x: the pairs whose overlap can be above zero. Pairs
 * where either side has no extent are all included. Sorted by `a` index, then `b` index.
 */
export function touchingPairs(a: readonly Annotation[], b: readonly Annotation[]): [number, number][] {
  const out: [number, number][] = [];
  const ea = a.map(extent);
  const eb = b.map(extent);
  const unboundedA = ea.flatMap((e, i) => (e === null ? [i] : []));
  const unboundedB = eb.flatMap((e, j) => (e === null ? [j] : []));
  for (const i of unboundedA) for (let j = 0; j < b.length; j++) out.push([i, j]);
  for (const j of unboundedB) for (let i = 0; i < a.length; i++) if (ea[i] !== null) out.push([i, j]);
  type Item = { side: 0 | 1; index: number; r: Rect };
  const items: Item[] = [];
  ea.forEach((r, index) => r && items.push({ side: 0, index, r }));
  eb.forEach((r, index) => r && items.push({ side: 1, index, r }));
  items.sort((p, q) => p.r.x - q.r.x || p.side - q.side || p.index - q.index);
  const active: [Item[], Item[]] = [[], []];
  for (const item of items) {
    const left = item.r.x;
    const other = active[item.side === 0 ? 1 : 0].filter((o) => o.r.x + o.r.width >= left);
    active[item.side === 0 ? 1 : 0] = other;
    for (const o of other) {
      if (o.r.y > item.r.y + item.r.height || item.r.y > o.r.y + o.r.height) continue;
      out.push(item.side === 0 ? [item.index, o.index] : [o.index, item.index]);
    }
    active[item.side].push(item);
  }
  return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}
