/** Length of the overlap of two half-open intervals `[start, end)`; 0 when they do not meet. */
export function intervalOverlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Intersection over union of two half-open intervals `[start, end)` (code points for spans and
 * tags, seconds for segments), in [0, 1]. Two empty intervals give 1 when they sit at the same
 * place and 0 otherwise, so an empty range still matches itself.
 */
export function intervalIoU(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const la = Math.max(0, a.end - a.start);
  const lb = Math.max(0, b.end - b.start);
  if (la === 0 && lb === 0) return a.start === b.start ? 1 : 0;
  const inter = intervalOverlap(a, b);
  return inter / (la + lb - inter);
}
