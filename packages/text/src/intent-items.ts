import type { Annotation, OffsetIndex, TagAnnotation } from '@labelkit/core';
import { joinTurns, sentenceRanges, type DialogueTurn, type JoinedTurns, type TextRange } from './text-ranges.js';
import type { TagTarget } from './intent-tags.js';

/** What an intent tag applies to. */
export type IntentScope = 'document' | 'sentence' | 'turn';

/** One item of the intent tagger: the whole text, a sentence or a turn. */
export interface IntentItem extends TextRange {
  /** The tag target: null for the whole document. */
  target: TagTarget;
  speaker?: string | undefined;
}

/** The items to tag, in text order: one for `'document'`, one per sentence, or one per turn (each line of a plain `text`). */
export function intentItems(scope: IntentScope, text: string, index: OffsetIndex, locale: string | undefined, joined: JoinedTurns | null, turns: readonly DialogueTurn[] | undefined): IntentItem[] {
  if (scope === 'document') return [{ start: 0, end: index.length, text, target: null }];
  if (scope === 'sentence') return sentenceRanges(text, locale).map((r) => ({ ...r, target: { start: r.start, end: r.end } }));
  const ranges = joined ? joined.ranges : joinTurns(text.split('\n').map((t) => ({ text: t }))).ranges;
  return ranges.map((r, i) => ({ ...r, target: { start: r.start, end: r.end }, speaker: turns?.[i]?.speaker }));
}

/** Index of the first item whose end is past `offset` (items are in text order, not overlapping). */
function firstEndingAfter(items: readonly IntentItem[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const it = items[mid]!;
    if (Math.max(it.end, it.start + 1) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The item `a` belongs to: a tag's target, a slot's start; 0 when none (a binary search, not a scan). */
export function itemOf(items: readonly IntentItem[], a: Annotation): number {
  if (a.kind === 'tag') {
    if (a.start === undefined || a.end === undefined) return 0;
    const i = firstEndingAfter(items, a.start);
    const it = items[i];
    return it && it.target && it.target.start === a.start && it.target.end === a.end ? i : 0;
  }
  if (a.kind === 'span') {
    const i = firstEndingAfter(items, a.start);
    return i < items.length && items[i]!.start <= a.start ? i : 0;
  }
  return 0;
}

/** Tags and ranged things (drawn slots) of each item, made once per change: `tags[i]`, `ranges[i]`. */
export interface ItemBuckets<R> {
  tags: TagAnnotation[][];
  ranges: R[][];
}

/**
 * Puts each tag on the item it targets (tags on no item's target are left out, as they were drawn
 * nowhere) and each range on every item it overlaps, in list order: O((tags + ranges) · log items)
 * once per change, instead of every item filtering every annotation at every render.
 */
export function bucketByItem<R extends { start: number; end: number }>(items: readonly IntentItem[], tags: readonly Annotation[], ranges: readonly R[]): ItemBuckets<R> {
  const out: ItemBuckets<R> = { tags: items.map(() => []), ranges: items.map(() => []) };
  const whole = items.length === 1 && items[0]!.target === null;
  for (const a of tags) {
    if (a.kind !== 'tag') continue;
    if (whole) {
      if (a.start === undefined && a.end === undefined) out.tags[0]!.push(a);
      continue;
    }
    if (a.start === undefined || a.end === undefined) continue;
    const i = firstEndingAfter(items, a.start);
    const t = items[i]?.target;
    if (t && t.start === a.start && t.end === a.end) out.tags[i]!.push(a);
  }
  for (const r of ranges) {
    for (let i = firstEndingAfter(items, r.start); i < items.length && items[i]!.start < r.end; i++) {
      if (r.start < items[i]!.end && r.end > items[i]!.start) out.ranges[i]!.push(r);
    }
  }
  return out;
}
