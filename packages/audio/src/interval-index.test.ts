import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createIntervalIndex, type Interval } from './interval-index.js';

interface Item extends Interval {
  id: number;
}

const brute = (items: Item[], from: number, to: number): number[] =>
  items
    .filter((i) => (to <= from ? i.start <= from && i.end > from : i.start < to && i.end > from))
    .map((i) => i.id)
    .sort((a, b) => a - b);

describe('createIntervalIndex', () => {
  it('finds overlapping intervals, half-open at both ends', () => {
    const idx = createIntervalIndex<Item>([
      { id: 1, start: 0, end: 1 },
      { id: 2, start: 1, end: 2 },
      { id: 3, start: 0.5, end: 5 },
    ]);
    expect(idx.query(1, 1.5).map((i) => i.id).sort()).toEqual([2, 3]);
    expect(idx.query(2, 3).map((i) => i.id)).toEqual([3]);
    expect(idx.at(1).map((i) => i.id).sort()).toEqual([2, 3]);
    expect(idx.at(0.999).map((i) => i.id).sort()).toEqual([1, 3]);
    expect(idx.query(5, 6)).toEqual([]);
    expect(idx.items.map((i) => i.id)).toEqual([1, 3, 2]);
  });

  it('matches a brute-force scan on random data', () => {
    const itemArb = fc.array(
      fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true })),
      { maxLength: 200 },
    );
    fc.assert(
      fc.property(itemArb, fc.double({ min: -5, max: 105, noNaN: true }), fc.double({ min: 0, max: 40, noNaN: true }), (raw, from, len) => {
        const items = raw.map(([s, l], id) => ({ id, start: s, end: s + l }));
        const idx = createIntervalIndex(items);
        expect(idx.query(from, from + len).map((i) => i.id).sort((a, b) => a - b)).toEqual(brute(items, from, from + len));
        expect(idx.at(from).map((i) => i.id).sort((a, b) => a - b)).toEqual(brute(items, from, from));
      }),
      { numRuns: 300 },
    );
  });
});
