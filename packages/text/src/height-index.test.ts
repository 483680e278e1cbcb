import { describe, expect, it } from 'vitest';
import { HeightIndex } from './height-index.js';

describe('HeightIndex', () => {
  it('answers offsets and visible ranges, and follows measurements', () => {
    const h = new HeightIndex(100, () => 20);
    expect(h.total).toBe(2000);
    expect(h.indexAt(0)).toBe(0);
    expect(h.indexAt(39.9)).toBe(1);
    expect(h.indexAt(40)).toBe(2);
    expect(h.indexAt(1e9)).toBe(99);
    expect(h.visibleRange(100, 60, 1)).toEqual({ first: 4, last: 8 });
    expect(h.set(0, 120)).toBe(true);
    expect(h.set(0, 120.2)).toBe(false);
    expect(h.offsetOf(1)).toBe(120);
    expect(h.total).toBe(2100);
    expect(h.indexAt(130)).toBe(1);
  });
  it('handles an empty list', () => {
    expect(new HeightIndex(0, () => 1).visibleRange(0, 100)).toEqual({ first: 0, last: -1 });
  });
});
