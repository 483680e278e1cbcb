import { describe, expect, it } from 'vitest';
import type { Annotation } from '@labelkit/core';
import { acceptedAnnotation, orderSuggestions, stepSuggestion, suggestionsAbove } from './suggestion-queue.js';

const span = (id: string, start: number, end: number, score?: number): Annotation => ({ id, kind: 'span', label: 'x', start, end, text: '', source: 'model', ...(score === undefined ? {} : { score }) });

describe('suggestion queue', () => {
  const list = [span('c', 20, 25, 0.4), span('a', 0, 4, 0.95), span('b', 0, 9, 0.7), { id: 'w', kind: 'tag', label: 'y' } as Annotation];
  it('orders in reading order, whole-item tags first', () => {
    expect(orderSuggestions(list).map((s) => s.id)).toEqual(['w', 'a', 'b', 'c']);
  });
  it('steps forward and back with wrap-around', () => {
    const o = orderSuggestions(list);
    expect(stepSuggestion(o, null, 1)).toBe('w');
    expect(stepSuggestion(o, null, -1)).toBe('c');
    expect(stepSuggestion(o, 'c', 1)).toBe('w');
    expect(stepSuggestion(o, 'a', -1)).toBe('w');
    expect(stepSuggestion([], null, 1)).toBeNull();
  });
  it('filters by score threshold', () => {
    expect(suggestionsAbove(list, 0.7).map((s) => s.id)).toEqual(['a', 'b']);
  });
  it('keeps the id unless taken', () => {
    expect(acceptedAnnotation(span('a', 0, 1), new Set()).id).toBe('a');
    const moved = acceptedAnnotation(span('a', 0, 1, 0.5), new Set(['a']));
    expect(moved.id).not.toBe('a');
    expect(moved).toMatchObject({ source: 'model', score: 0.5 });
  });
});
