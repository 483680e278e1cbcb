import { describe, it, expect } from 'vitest';
import type { Point2 } from '../annotation.js';
import { clipConvex, ringArea } from './convex.js';

const square = (x: number, y: number, s: number): Point2[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
];

describe('ringArea', () => {
  it('is positive clockwise on screen and negative the other way', () => {
    expect(ringArea(square(0, 0, 2))).toBe(4);
    expect(ringArea(square(0, 0, 2).reverse())).toBe(-4);
    expect(ringArea([[0, 0], [1, 1]])).toBe(0);
  });
});

describe('clipConvex', () => {
  it('returns the overlap of two squares in either orientation', () => {
    const out = clipConvex(square(0, 0, 2), square(1, 1, 2));
    expect(Math.abs(ringArea(out))).toBeCloseTo(1);
    const rev = clipConvex(square(0, 0, 2), square(1, 1, 2).reverse());
    expect(Math.abs(ringArea(rev))).toBeCloseTo(1);
  });

  it('returns [] when disjoint or when the clip is degenerate', () => {
    expect(clipConvex(square(0, 0, 1), square(5, 5, 1))).toEqual([]);
    expect(clipConvex(square(0, 0, 1), [[0, 0], [1, 1], [2, 2]])).toEqual([]);
  });

  it('keeps a subject that lies wholly inside', () => {
    expect(Math.abs(ringArea(clipConvex(square(1, 1, 1), square(0, 0, 5))))).toBeCloseTo(1);
  });
});
