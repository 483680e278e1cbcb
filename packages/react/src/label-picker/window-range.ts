/** Lists longer than this many rows are windowed (only the rows in view are rendered). */
export const WINDOW_THRESHOLD = 200;

/** Rows to render in a fixed-row-height list: `[start, end)`. */
export interface WindowRange {
  start: number;
  end: number;
}

/**
 * The rows of a fixed-row-height list that a viewport shows, plus `overscan` rows on each side.
 * Lists up to `threshold` rows are rendered whole (windowing only pays off for long lists).
 */
export function windowRange(opts: {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  overscan?: number;
  threshold?: number;
}): WindowRange {
  const { count, rowHeight, scrollTop, viewportHeight, overscan = 8, threshold = WINDOW_THRESHOLD } = opts;
  if (count <= threshold) return { start: 0, end: count };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(viewportHeight, rowHeight)) / rowHeight);
  const start = Math.max(0, Math.min(first - overscan, count - 1));
  return { start, end: Math.min(count, Math.max(last + overscan, start + 1)) };
}

/**
 * The scrollTop that brings row `index` fully into view with the least movement (unchanged if it is
 * already visible).
 */
export function scrollTopToReveal(index: number, rowHeight: number, scrollTop: number, viewportHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}
