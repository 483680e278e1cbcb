import type { TagAnnotation } from '../annotation.js';
import { intervalIoU } from './interval.js';

/**
 * How much two tags sit on the same place, in [0, 1], their labels aside: 1 for two whole-item
 * tags, the range IoU for two ranged tags, 0 for a whole-item tag against a ranged one.
 */
export function tagPlacement(a: TagAnnotation, b: TagAnnotation): number {
  const ranged = (t: TagAnnotation): boolean => t.start !== undefined && t.end !== undefined;
  if (!ranged(a) && !ranged(b)) return 1;
  if (!ranged(a) || !ranged(b)) return 0;
  return intervalIoU({ start: a.start as number, end: a.end as number }, { start: b.start as number, end: b.end as number });
}

/**
 * Jaccard index of two multi-label tag sets on one item (or one range): |A ∩ B| / |A ∪ B| over
 * their label ids. Two empty sets give 1 (nothing to disagree on).
 */
export function tagSetJaccard(a: readonly (TagAnnotation | string)[], b: readonly (TagAnnotation | string)[]): number {
  const la = new Set(a.map((t) => (typeof t === 'string' ? t : t.label)));
  const lb = new Set(b.map((t) => (typeof t === 'string' ? t : t.label)));
  if (la.size === 0 && lb.size === 0) return 1;
  let inter = 0;
  for (const l of la) if (lb.has(l)) inter++;
  return inter / (la.size + lb.size - inter);
}
