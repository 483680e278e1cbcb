/** The minimal shape of a span for layout: code-point range and an id. */
export interface SpanLike {
  id: string;
  start: number;
  end: number;
}

/**
 * Lane of every span (0 = nearest the text): overlapping spans get different lanes, so stacked
 * underlines stay apart. Greedy interval partitioning over spans sorted by start, longer first,
 * so an enclosing span sits nearer the text than the spans nested in it, and a span's lane is never
 * higher than the number of spans overlapping at its start minus one. O(n log n).
 */
export function assignLanes(spans: readonly SpanLike[]): Map<string, number> {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1));
  const laneEnds: number[] = []; // end offset of the span occupying each lane
  const out = new Map<string, number>();
  for (const s of sorted) {
    let lane = laneEnds.findIndex((end) => end <= s.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(s.end);
    } else laneEnds[lane] = s.end;
    out.set(s.id, lane);
  }
  return out;
}

/**
 * Spans covering code point `offset` (start <= offset < end), innermost (shortest) first — the
 * order that click-cycling walks through, so the first click picks the most specific span.
 */
export function spansAt<T extends SpanLike>(spans: readonly T[], offset: number): T[] {
  return spans
    .filter((s) => s.start <= offset && offset < s.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || (a.id < b.id ? -1 : 1));
}

/**
 * The span after `currentId` in the cycle of spans covering `offset` (see {@link spansAt}), the first
 * one when `currentId` is not among them, or null when none covers the offset. Clicking the same
 * place again selects the span under the one selected.
 */
export function cycleSpanAt<T extends SpanLike>(spans: readonly T[], offset: number, currentId: string | null): T | null {
  const here = spansAt(spans, offset);
  if (!here.length) return null;
  const i = currentId === null ? -1 : here.findIndex((s) => s.id === currentId);
  return here[(i + 1) % here.length] ?? null;
}

/** A run of text where the same spans apply; code points, half-open. */
export interface Fragment<T extends SpanLike> {
  start: number;
  end: number;
  /** Spans covering the whole run, in input order. */
  spans: T[];
}

/**
 * Cuts `[start, end)` at every span edge and at the extra `cuts` (a caret, a selection's ends) into
 * runs where the covering spans do not change. Spans outside the range are ignored. Runs are
 * returned in order and cover the range exactly (empty range → no runs).
 */
export function fragmentRange<T extends SpanLike>(start: number, end: number, spans: readonly T[], cuts: readonly number[] = []): Fragment<T>[] {
  const edges = new Set<number>([start, end]);
  const inside = spans.filter((s) => s.start < end && s.end > start && s.end > s.start);
  for (const s of inside) {
    if (s.start > start) edges.add(s.start);
    if (s.end < end) edges.add(s.end);
  }
  for (const c of cuts) if (c > start && c < end) edges.add(c);
  const sorted = [...edges].sort((a, b) => a - b);
  const out: Fragment<T>[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i] as number;
    const b = sorted[i + 1] as number;
    out.push({ start: a, end: b, spans: inside.filter((s) => s.start <= a && s.end >= b) });
  }
  return out;
}

/** Index of the last chunk starting at or before `offset` (binary search over sorted starts; 0 when none). */
function chunkIndexAt(chunkStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = chunkStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((chunkStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Groups spans by the chunks they touch, for rendering only the visible chunks: `result[i]` lists the
 * spans overlapping chunk `i` (`chunkStarts` ascending, chunk `i` is `[chunkStarts[i], chunkStarts[i+1])`,
 * the last one open-ended). O(n log c + output).
 */
export function bucketSpans<T extends SpanLike>(spans: readonly T[], chunkStarts: readonly number[]): T[][] {
  const out: T[][] = chunkStarts.map(() => []);
  const find = (offset: number): number => chunkIndexAt(chunkStarts, offset);
  if (!chunkStarts.length) return out;
  for (const s of spans) {
    const a = find(s.start);
    const b = find(Math.max(s.start, s.end - 1));
    for (let i = a; i <= b; i++) out[i]?.push(s);
  }
  return out;
}

/** What changed between two lists, by object identity: the objects only in `prev` and those only in `next`. */
export interface IdentityDiff<T> {
  removed: T[];
  added: T[];
}

/**
 * The objects removed from `prev` and added in `next` when `next` is `prev` with a few objects
 * appended, inserted, replaced or removed (as one edit, or a host's copy of the list after one, does);
 * `null` when more than `maxChanges` objects differ (rebuild instead). One walk comparing references:
 * no allocation beyond the result, so following an edit in a list of 10,000 costs microseconds.
 */
export function diffByIdentity<T>(prev: readonly T[], next: readonly T[], maxChanges = 32): IdentityDiff<T> | null {
  const removed: T[] = [];
  const added: T[] = [];
  let i = 0;
  let j = 0;
  while (i < prev.length || j < next.length) {
    if (removed.length + added.length > maxChanges) return null;
    const a = prev[i];
    const b = next[j];
    if (i < prev.length && j < next.length && a === b) {
      i++;
      j++;
    } else if (i < prev.length && j < next.length && prev[i + 1] === b) {
      removed.push(a as T); // a was removed
      i++;
    } else if (i < prev.length && j < next.length && next[j + 1] === a) {
      added.push(b as T); // b was inserted
      j++;
    } else {
      if (i < prev.length) removed.push(a as T);
      if (j < next.length) added.push(b as T);
      i++;
      j++;
    }
  }
  return removed.length + added.length > maxChanges ? null : { removed, added };
}

/**
 * `prevBuckets` (from {@link bucketSpans} with the same `chunkStarts`) with `removed` taken out and
 * `added` put in. Only the chunk lists that change are copied; the others, and the whole result when
 * nothing changes, keep their identity, so memoised chunk rendering skips them.
 */
export function patchBuckets<T extends SpanLike>(prevBuckets: readonly T[][], removed: readonly T[], added: readonly T[], chunkStarts: readonly number[]): T[][] {
  if (prevBuckets.length !== chunkStarts.length) throw new Error('patchBuckets: the buckets were made for other chunks');
  if (!removed.length && !added.length) return prevBuckets as T[][];
  const out = prevBuckets.slice();
  const copied = new Set<number>();
  const own = (k: number): T[] => {
    if (!copied.has(k)) {
      out[k] = (out[k] ?? []).slice();
      copied.add(k);
    }
    return out[k] as T[];
  };
  const find = (offset: number): number => chunkIndexAt(chunkStarts, offset);
  const chunksOf = (s: T): number[] => {
    const ks: number[] = [];
    for (let k = find(s.start), last = find(Math.max(s.start, s.end - 1)); k <= last; k++) ks.push(k);
    return ks;
  };
  const gone = new Set(removed);
  const touched = new Set(removed.flatMap(chunksOf));
  for (const k of touched) out[k] = own(k).filter((s) => !gone.has(s));
  for (const s of added) for (const k of chunksOf(s)) own(k).push(s);
  return out;
}

/**
 * {@link bucketSpans} for `next`, reusing `prevBuckets` (made from `prev` with the same chunk starts)
 * when `next` differs from `prev` in few places ({@link diffByIdentity}); anything else rebuilds.
 * Unchanged chunk lists keep their identity.
 */
export function updateBuckets<T extends SpanLike>(prev: readonly T[], prevBuckets: readonly T[][], next: readonly T[], chunkStarts: readonly number[], maxChanges = 32): T[][] {
  if (prevBuckets.length !== chunkStarts.length) return bucketSpans(next, chunkStarts);
  const diff = diffByIdentity(prev, next, maxChanges);
  if (!diff) return bucketSpans(next, chunkStarts);
  return patchBuckets(prevBuckets, diff.removed, diff.added, chunkStarts);
}
