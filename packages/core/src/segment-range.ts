import type { Annotation } from './annotation.js';

/**
 * Why a `segment` annotation's range is not a range, or `undefined` when it is (or `a` is no segment):
 * `start` and `end` must be finite seconds with `start < end` (half-open, never empty). The store
 * holds every change to it (it needs no schema); `validateAnnotations` says the same per field.
 */
export function segmentRangeProblem(a: Annotation): string | undefined {
  if (a.kind !== 'segment') return undefined;
  const { start, end } = a as { start: unknown; end: unknown };
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isFinite(start) || !Number.isFinite(end)) {
    return `segment "${a.id}" needs finite start and end seconds, got start ${String(start)}, end ${String(end)}`;
  }
  if (start >= end) return `segment "${a.id}" needs end > start (a segment is never empty), got start ${start}, end ${end}`;
  return undefined;
}
