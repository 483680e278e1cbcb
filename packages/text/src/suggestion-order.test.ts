import { describe, expect, it } from 'vitest';
import { createAnnotationStore, createSuggestionReview, type Annotation } from '@labelkit/core';
import { suggestionReadingOrder } from './suggestion-order.js';

const span = (id: string, start: number, end: number, score?: number): Annotation => ({ id, kind: 'span', label: 'x', start, end, text: '', source: 'model', ...(score === undefined ? {} : { score }) });

describe('suggestion reading order', () => {
  const list = [span('c', 20, 25, 0.4), span('a', 0, 4, 0.95), span('b', 0, 9, 0.7), { id: 'w', kind: 'tag', label: 'y' } as Annotation, span('a2', 0, 4)];
  it('orders by start, end, id, whole-item tags first', () => {
    expect([...list].sort(suggestionReadingOrder).map((s) => s.id)).toEqual(['w', 'a', 'a2', 'b', 'c']);
  });
  it("is the review queue's order: step walks it with wrap-around", () => {
    const review = createSuggestionReview(createAnnotationStore([]), { suggestions: list, order: suggestionReadingOrder });
    expect(review.pending().map((s) => s.id)).toEqual(['w', 'a', 'a2', 'b', 'c']);
    expect(review.step(null, 1)).toBe('w');
    expect(review.step(null, -1)).toBe('c');
    expect(review.step('c', 1)).toBe('w');
    review.reject(['w']);
    expect(review.step('a', -1)).toBe('c');
  });
});
