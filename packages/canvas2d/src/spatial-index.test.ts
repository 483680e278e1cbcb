import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSpatialIndex, type Bounds } from './spatial-index.js';

const rect = fc.record({
  x: fc.integer({ min: -200, max: 2000 }),
  y: fc.integer({ min: -200, max: 2000 }),
  width: fc.integer({ min: 0, max: 3000 }),
  height: fc.integer({ min: 0, max: 600 }),
});
const hit = (a: Bounds, b: Bounds) => a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;

describe('spatial index', () => {
  it('query returns exactly the intersecting items (against brute force)', () => {
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 60 }), rect, (items, q) => {
        const idx = createSpatialIndex({ cellSize: 64, maxCellsPerItem: 40 });
        items.forEach((b, i) => idx.set(`a${i}`, b));
        const expected = items.map((b, i) => (hit(b, q) ? `a${i}` : null)).filter((x): x is string => x !== null).sort();
        expect(idx.query(q).sort()).toEqual(expected);
      }),
    );
  });

  it('updates and deletes move items between cells', () => {
    const idx = createSpatialIndex({ cellSize: 10 });
    idx.set('a', { x: 0, y: 0, width: 5, height: 5 });
    expect(idx.queryPoint(2, 2)).toEqual(['a']);
    idx.set('a', { x: 100, y: 100, width: 5, height: 5 });
    expect(idx.queryPoint(2, 2)).toEqual([]);
    expect(idx.queryPoint(102, 103)).toEqual(['a']);
    idx.delete('a');
    expect(idx.size).toBe(0);
    expect(idx.queryPoint(102, 103)).toEqual([]);
  });
});
