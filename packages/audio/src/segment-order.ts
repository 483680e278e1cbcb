/** Segments in reading order and moving between them (Tab, jump to next/previous). */
import type { Annotation, SegmentAnnotation } from '@labelkit/core';

/** The segment annotations of `annotations`, in start order (then end, then id). */
export function segmentsInOrder(annotations: readonly Annotation[]): SegmentAnnotation[] {
  return annotations.filter((a): a is SegmentAnnotation => a.kind === 'segment').sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The neighbour of `currentId` in `ordered` in `direction`; with no current segment, the first
 * segment starting at or after `time` (or the last one before it, going back). `undefined` past the
 * ends.
 */
export function adjacentSegment(ordered: readonly SegmentAnnotation[], currentId: string | undefined, direction: 1 | -1, time = 0): SegmentAnnotation | undefined {
  const at = currentId === undefined ? -1 : ordered.findIndex((s) => s.id === currentId);
  if (at !== -1) return ordered[at + direction];
  if (direction === 1) return ordered.find((s) => s.start >= time - 1e-9);
  for (let i = ordered.length - 1; i >= 0; i--) if (ordered[i]!.start < time - 1e-9) return ordered[i];
  return undefined;
}
