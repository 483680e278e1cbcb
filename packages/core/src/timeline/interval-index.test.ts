import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createIntervalIndex, replaceInIntervalIndex, type Interval } from './interval-index.js';

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

  it('replaceInIntervalIndex: replacing, inserting or removing one item answers like a rebuilt index, and leaves the old one alone', () => {
    const span = fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }));
    fc.assert(
      fc.property(fc.array(span, { minLength: 1, maxLength: 120 }), fc.nat(), fc.option(span, { nil: null }), fc.boolean(), fc.double({ min: -5, max: 105, noNaN: true }), (raw, pick, repl, insert, from) => {
        const items: Item[] = raw.map(([s, l], id) => ({ id, start: s, end: s + l }));
        const idx = createIntervalIndex(items);
        const before = insert ? null : items[pick % items.length]!;
        const after = repl ? { id: 1000, start: repl[0], end: repl[0] + repl[1] } : null;
        const next = replaceInIntervalIndex(idx, before, after);
        const expected = [...items.filter((i) => i !== before), ...(after ? [after] : [])];
        expect(next.size).toBe(expected.length);
        // Sorted by start, then end.
        for (let i = 1; i < next.items.length; i++) {
          const a = next.items[i - 1]!;
          const b = next.items[i]!;
          expect(a.start < b.start || (a.start === b.start && a.end <= b.end)).toBe(true);
        }
        for (const [f, t] of [[from, from + 7], [from, from]] as const) {
          expect(next.query(f, t).map((i) => i.id).sort((a, b) => a - b)).toEqual(brute(expected, f, t));
          expect(idx.query(f, t).map((i) => i.id).sort((a, b) => a - b)).toEqual(brute(items, f, t));
        }
      }),
      { numRuns: 300 },
    );
    expect(() => replaceInIntervalIndex(createIntervalIndex<Item>([{ id: 1, start: 0, end: 1 }]), { id: 1, start: 0, end: 1 }, null)).toThrow(/not in the index/);
  });

  it('replaceInIntervalIndex: a chain of moves (each patching the last, as drags do) answers like a rebuilt index', () => {
    const span = fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }));
    fc.assert(
      fc.property(fc.array(span, { minLength: 1, maxLength: 80 }), fc.array(fc.tuple(fc.nat(), span), { minLength: 1, maxLength: 12 }), fc.double({ min: -5, max: 105, noNaN: true }), (raw, moves, from) => {
        let items: Item[] = raw.map(([s, l], id) => ({ id, start: s, end: s + l }));
        let idx = createIntervalIndex(items);
        for (const [pick, [s, l]] of moves) {
          const before = items[pick % items.length]!;
          const after = { id: before.id, start: s, end: s + l };
          idx = replaceInIntervalIndex(idx, before, after);
          items = items.map((i) => (i === before ? after : i));
        }
        for (const [f, t] of [[from, from + 7], [from, from], [from, from + 40]] as const) {
          expect(idx.query(f, t).map((i) => i.id).sort((a, b) => a - b)).toEqual(brute(items, f, t));
        }
      }),
      { numRuns: 300 },
    );
  });
});
