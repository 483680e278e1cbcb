import { describe, expect, it } from 'vitest';
import type { Annotation } from '@labelkit/core';
import { createAnnotationStore, createSuggestionReview } from '@labelkit/core';
import { adjacentSegment, segmentTimeOrder, segmentsInOrder } from './segment-order.js';

const a: Annotation[] = [
  { id: 'c', kind: 'segment', label: 'x', start: 5, end: 6 },
  { id: 'box', kind: 'bbox', label: 'x', x: 0, y: 0, width: 1, height: 1 },
  { id: 'a', kind: 'segment', label: 'x', start: 1, end: 2 },
  { id: 'b', kind: 'segment', label: 'x', start: 1, end: 3 },
];

describe('segment order', () => {
  it('orders segments only, by start then end', () => {
    expect(segmentsInOrder(a).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
  it('steps between neighbours, or from the playhead when nothing is selected', () => {
    const o = segmentsInOrder(a);
    expect(adjacentSegment(o, 'a', 1)?.id).toBe('b');
    expect(adjacentSegment(o, 'c', 1)).toBeUndefined();
    expect(adjacentSegment(o, 'b', -1)?.id).toBe('a');
    expect(adjacentSegment(o, undefined, 1, 2)?.id).toBe('c');
    expect(adjacentSegment(o, undefined, -1, 2)?.id).toBe('b');
  });
  it('is the suggestion queue order: the review steps through suggestions in time order, wrapping around', () => {
    const review = createSuggestionReview(createAnnotationStore(), { suggestions: a.filter((x) => x.kind === 'segment'), order: segmentTimeOrder });
    expect(review.pending().map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(review.step('c', 1)).toBe('a');
    expect(review.step('a', -1)).toBe('c');
  });
});
