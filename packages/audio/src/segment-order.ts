/** Segments in time order and moving between them (Tab, jump to next/previous, the suggestion queue). */
import type { Annotation, SegmentAnnotation, SuggestionOrder } from '@labelkit/core';

/** Time order of segments: by start, then end, then id. */
export function compareSegments(a: SegmentAnnotation, b: SegmentAnnotation): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The suggestion review's queue order in audio: segments in time order (anything else keeps its place). */
export const segmentTimeOrder: SuggestionOrder = (a, b) => (a.kind === 'segment' && b.kind === 'segment' ? compareSegments(a, b) : 0);

/** The segment annotations of `annotations`, in time order ({@link compareSegments}). */
export function segmentsInOrder(annotations: readonly Annotation[]): SegmentAnnotation[] {
  return annotations.filter((a): a is SegmentAnnotation => a.kind === 'segment').sort(compareSegments);
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
