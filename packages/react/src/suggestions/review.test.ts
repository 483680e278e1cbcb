import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Annotation } from '@labelkit/core';
import {
  adjacentPendingId,
  byScoreDescending,
  pendingIdsAtOrAbove,
  pendingSuggestions,
  reviewOrder,
  reviewSummary,
  type ReviewDecision,
} from './review.js';

const tag = (id: string, score?: number): Annotation => ({ id, kind: 'tag', label: 'x', source: 'model', ...(score === undefined ? {} : { score }) });
const s = [tag('a', 0.5), tag('b', 0.9), tag('c'), tag('d', 0.9), tag('e', 0.7)];

describe('review order', () => {
  it('sorts by score descending, unscored last, ties stable', () => {
    expect(reviewOrder(s).map((x) => x.id)).toEqual(['b', 'd', 'e', 'a', 'c']);
  });

  it('takes a caller order', () => {
    expect(reviewOrder(s, (x, y) => x.id.localeCompare(y.id)).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('does not mutate its input', () => {
    const copy = [...s];
    reviewOrder(s);
    expect(s).toEqual(copy);
  });
});

describe('pending and summary', () => {
  it('leaves out decided suggestions, from a Map or a record', () => {
    const m = new Map<string, ReviewDecision>([['b', 'accepted'], ['c', 'rejected']]);
    expect(pendingSuggestions(s, m).map((x) => x.id)).toEqual(['d', 'e', 'a']);
    expect(pendingSuggestions(s, { b: 'accepted', c: 'rejected' }).map((x) => x.id)).toEqual(['d', 'e', 'a']);
    expect(reviewSummary(s, { b: 'accepted', c: 'rejected', zz: 'accepted' })).toEqual({ total: 5, pending: 3, accepted: 1, rejected: 1 });
  });

  it('is not fooled by inherited keys', () => {
    expect(pendingSuggestions([tag('toString', 1)], {}).map((x) => x.id)).toEqual(['toString']);
  });
});

describe('adjacentPendingId', () => {
  it('moves to the next and previous pending, wrapping, skipping decided', () => {
    const d = { e: 'accepted' } as const; // order b d e a c
    expect(adjacentPendingId(s, d, 'd', 1)).toBe('a');
    expect(adjacentPendingId(s, d, 'a', -1)).toBe('d');
    expect(adjacentPendingId(s, d, 'c', 1)).toBe('b');
    expect(adjacentPendingId(s, d, 'b', -1)).toBe('c');
  });

  it('continues from a just-decided current', () => {
    expect(adjacentPendingId(s, { d: 'accepted' }, 'd', 1)).toBe('e');
    expect(adjacentPendingId(s, { d: 'accepted' }, 'd', -1)).toBe('b');
  });

  it('starts at either end without a current, and ends when nothing else is pending', () => {
    expect(adjacentPendingId(s, {}, undefined, 1)).toBe('b');
    expect(adjacentPendingId(s, {}, undefined, -1)).toBe('c');
    expect(adjacentPendingId(s, {}, 'unknown', 1)).toBe('b');
    const allButA = { b: 'accepted', c: 'rejected', d: 'accepted', e: 'accepted' } as const;
    expect(adjacentPendingId(s, allButA, 'a', 1)).toBeUndefined();
    expect(adjacentPendingId(s, allButA, 'b', 1)).toBe('a');
    expect(adjacentPendingId([], {}, undefined)).toBeUndefined();
  });

  it('visits every pending suggestion exactly once going round (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), decided: fc.boolean() }), { maxLength: 30 }),
        (items) => {
          const list = items.map((it, i) => tag(`s${i}`, it.score));
          const decisions = Object.fromEntries(items.flatMap((it, i) => (it.decided ? [[`s${i}`, 'rejected' as const]] : [])));
          const pending = pendingSuggestions(list, decisions).map((x) => x.id);
          const seen: string[] = [];
          let cur = adjacentPendingId(list, decisions, undefined, 1);
          while (cur !== undefined && !seen.includes(cur)) {
            seen.push(cur);
            cur = adjacentPendingId(list, decisions, cur, 1);
          }
          expect(seen).toEqual(pending);
        },
      ),
    );
  });
});

describe('pendingIdsAtOrAbove', () => {
  it('returns pending scored ids at or above the threshold, in review order', () => {
    expect(pendingIdsAtOrAbove(s, {}, 0.7)).toEqual(['b', 'd', 'e']);
    expect(pendingIdsAtOrAbove(s, { d: 'rejected' }, 0.9)).toEqual(['b']);
    expect(pendingIdsAtOrAbove(s, {}, 0)).toEqual(['b', 'd', 'e', 'a']); // 'c' has no score
    expect(pendingIdsAtOrAbove(s, {}, 1)).toEqual([]);
  });

  it('default order compares scores', () => {
    expect(byScoreDescending(tag('x', 0.2), tag('y', 0.8))).toBeGreaterThan(0);
    expect(byScoreDescending(tag('x'), tag('y'))).toBe(0);
  });
});
