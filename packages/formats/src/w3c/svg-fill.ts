import { pointInPolygon, polygonSignedArea, type Point2 } from '@labelkit/core';

/** A filled region: an outer ring and the holes cut out of it. */
export interface FilledRegion {
  points: Point2[];
  holes?: Point2[][];
}

/** `ring` lies inside `other` (rings that do not cross: most of its points are inside). */
function inside(ring: readonly Point2[], other: readonly Point2[]): boolean {
  let n = 0;
  for (const p of ring) if (pointInPolygon({ points: other as Point2[] }, p)) n++;
  return n * 2 > ring.length;
}

/**
 * The regions an SVG path's rings fill under its `fill-rule` (rings that do not cross each other):
 * a ring with fill inside and none outside is an outer ring; one with fill outside and none inside
 * is a hole of the innermost outer ring around it; a ring with fill on both sides or neither changes
 * nothing and is named in `unused`. With `evenodd` nested rings alternate; with `nonzero` (SVG's
 * default) a ring inside another cuts a hole only when it runs the other way round.
 */
export function filledRegions(rings: readonly Point2[][], rule: 'evenodd' | 'nonzero'): { regions: FilledRegion[]; unused: number[] } {
  const turn = rings.map((r) => Math.sign(polygonSignedArea(r)));
  const around = rings.map((r, i) => rings.flatMap((o, k) => (k !== i && inside(r, o) ? [k] : [])));
  const filled = (winding: number, depth: number) => (rule === 'evenodd' ? depth % 2 === 1 : winding !== 0);
  const role = rings.map((_, i) => {
    const out = around[i]!.reduce((w, k) => w + turn[k]!, 0);
    const fillOut = filled(out, around[i]!.length);
    const fillIn = filled(out + turn[i]!, around[i]!.length + 1);
    return fillIn && !fillOut ? 'outer' : !fillIn && fillOut ? 'hole' : 'none';
  });
  const regions = new Map<number, FilledRegion>();
  rings.forEach((r, i) => {
    if (role[i] === 'outer') regions.set(i, { points: r });
  });
  const unused: number[] = [];
  rings.forEach((r, i) => {
    if (role[i] === 'none') return unused.push(i);
    if (role[i] !== 'hole') return;
    // The innermost outer ring around it: the one with the most rings around it in turn.
    const parents = around[i]!.filter((k) => role[k] === 'outer').sort((a, b) => around[b]!.length - around[a]!.length);
    const parent = parents[0] === undefined ? undefined : regions.get(parents[0]);
    if (!parent) return unused.push(i);
    (parent.holes ??= []).push(r);
  });
  return { regions: [...regions.values()], unused };
}
