/**
 * A static interval index over half-open `[start, end)` intervals on a line (a timeline's positions): the items sorted by start form an
 * implicit balanced binary tree (the middle of every sub-range is its root), and each node keeps the
 * largest `end` of its sub-tree. A range query visits only the sub-trees that can overlap, so it costs
 * O(log n + k) for k hits. Building is one sort, O(n log n). A change of one item
 * ({@link replaceInIntervalIndex}) needs no sort: a splice and a linear pass over typed arrays. Either way the
 * index stays a plain immutable value next to a store snapshot.
 */

/** Anything with a half-open range of positions. */
export interface Interval {
  /** Inclusive start. */
  start: number;
  /** Exclusive end. */
  end: number;
}

/** An immutable interval index; see {@link createIntervalIndex}. */
export interface IntervalIndex<T extends Interval> {
  /** The items, sorted by start (then end). */
  readonly items: readonly T[];
  /** Number of items. */
  readonly size: number;
  /**
   * Items overlapping the half-open range `[from, to)`, in start order. A zero-length query
   * (`from === to`) returns the items containing that instant. Pushes into `out` when given.
   */
  query(from: number, to: number, out?: T[]): T[];
  /** Items containing the instant `t` (`start <= t < end`). */
  at(t: number): T[];
  /** Calls `visit` for each item overlapping `[from, to)` in start order, without allocating. */
  forEach(from: number, to: number, visit: (item: T) => void): void;
}

const byStartThenEnd = (a: Interval, b: Interval): number => a.start - b.start || a.end - b.end;

/** Builds an {@link IntervalIndex} over `items` (not mutated). Items with `end < start` are treated as empty at `start`. */
export function createIntervalIndex<T extends Interval>(items: readonly T[]): IntervalIndex<T> {
  return fromSorted([...items].sort(byStartThenEnd));
}

/**
 * The index with `before` replaced by `after` (either may be `null`: a pure insert or removal), without
 * re-sorting: `before` (found by identity) is spliced out and `after` spliced in at its sorted place.
 * `index` is not changed. Throws when `before` is not in the index.
 */
export function replaceInIntervalIndex<T extends Interval>(index: IntervalIndex<T>, before: T | null, after: T | null): IntervalIndex<T> {
  const items = index.items;
  const n = items.length;
  let drop = -1;
  if (before) {
    // First item not sorted before `before`, then scan its equal-key run for the very object.
    for (let i = lowerBound(items, before); i < n && byStartThenEnd(items[i]!, before) === 0; i++) {
      if (items[i] === before) {
        drop = i;
        break;
      }
    }
    if (drop < 0) throw new Error('replaceInIntervalIndex: `before` is not in the index');
  }
  // slice + splice move memory natively; spreading 5,000 items through the iterator protocol does not.
  const kept = items.slice();
  if (drop >= 0) kept.splice(drop, 1);
  const put = after ? lowerBound(kept, after) : -1;
  if (after) kept.splice(put, 0, after);
  const arrays = internals.get(index);
  if (!arrays || drop < 0 || !after) return fromSorted(kept);
  // A move (one out, one in): only the positions between the two change, and only the tree nodes over
  // them need their largest end again — O(distance + log n), not a rebuild of all n.
  const lo = Math.min(drop, put);
  const hi = Math.max(drop, put);
  const starts = arrays.starts.slice();
  const ends = arrays.ends.slice();
  for (let i = lo; i <= hi; i++) {
    const it = kept[i]!;
    starts[i] = it.start;
    ends[i] = Math.max(it.start, it.end);
  }
  const maxEnd = arrays.maxEnd.slice();
  const update = (a: number, b: number): number => {
    if (a >= b) return -Infinity;
    const mid = (a + b) >>> 1;
    if (b <= lo || a > hi) return maxEnd[mid]!;
    const m = Math.max(ends[mid]!, update(a, mid), update(mid + 1, b));
    maxEnd[mid] = m;
    return m;
  };
  update(0, n);
  return fromArrays(kept, starts, ends, maxEnd);
}

/** The typed arrays behind each index, so {@link replaceInIntervalIndex} can patch them instead of rebuilding. */
const internals = new WeakMap<IntervalIndex<Interval>, { starts: Float64Array; ends: Float64Array; maxEnd: Float64Array }>();

/** First position in `sorted` whose item does not sort before `x`. */
function lowerBound<T extends Interval>(sorted: readonly T[], x: Interval): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byStartThenEnd(sorted[mid]!, x) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index over items already sorted by start, then end (taken over, not copied). */
function fromSorted<T extends Interval>(sorted: T[]): IntervalIndex<T> {
  const n = sorted.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const it = sorted[i]!;
    starts[i] = it.start;
    ends[i] = Math.max(it.start, it.end);
  }
  // maxEnd[mid] = largest end within the implicit sub-tree rooted at mid (range [lo, hi)).
  const maxEnd = new Float64Array(n);
  const build = (lo: number, hi: number): number => {
    if (lo >= hi) return -Infinity;
    const mid = (lo + hi) >>> 1;
    const m = Math.max(ends[mid]!, build(lo, mid), build(mid + 1, hi));
    maxEnd[mid] = m;
    return m;
  };
  build(0, n);
  return fromArrays(sorted, starts, ends, maxEnd);
}

/** The index over `sorted` with its start, end and sub-tree largest-end arrays already computed. */
function fromArrays<T extends Interval>(sorted: T[], starts: Float64Array, ends: Float64Array, maxEnd: Float64Array): IntervalIndex<T> {
  const n = sorted.length;
  const forEach = (from: number, to: number, visit: (item: T) => void): void => {
    const point = to <= from;
    const walk = (lo: number, hi: number): void => {
      if (lo >= hi) return;
      const mid = (lo + hi) >>> 1;
      // Nothing in this sub-tree ends after `from`: no overlap possible.
      if (maxEnd[mid]! <= from) return;
      walk(lo, mid);
      const s = starts[mid]!;
      // Everything from mid on starts at or after the query's end.
      if (point ? s > from : s >= to) return;
      if (ends[mid]! > from) visit(sorted[mid]!);
      walk(mid + 1, hi);
    };
    walk(0, n);
  };

  const index: IntervalIndex<T> = {
    items: sorted,
    size: n,
    forEach,
    query(from, to, out = []) {
      forEach(from, to, (it) => out.push(it));
      return out;
    },
    at(t) {
      const out: T[] = [];
      forEach(t, t, (it) => out.push(it));
      return out;
    },
  };
  internals.set(index, { starts, ends, maxEnd });
  return index;
}
