import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Point2 } from '../annotation.js';
import {
  boxArea,
  boxBounds,
  boxCenter,
  boxCorners,
  boxFromPoints,
  boxIoU,
  clampBox,
  pointInBox,
} from './box.js';

const closeTo = (p: Point2, q: Point2, digits = 9): void => {
  expect(p[0]).toBeCloseTo(q[0], digits);
  expect(p[1]).toBeCloseTo(q[1], digits);
};

const arbBox = fc.record({
  x: fc.double({ min: -100, max: 100, noNaN: true }),
  y: fc.double({ min: -100, max: 100, noNaN: true }),
  width: fc.double({ min: 1, max: 100, noNaN: true }),
  height: fc.double({ min: 1, max: 100, noNaN: true }),
  rotation: fc.double({ min: -720, max: 720, noNaN: true }),
});

describe('boxCorners', () => {
  it('lists an unrotated box clockwise from the top-left', () => {
    expect(boxCorners({ x: 10, y: 20, width: 30, height: 40 })).toEqual([
      [10, 20],
      [40, 20],
      [40, 60],
      [10, 60],
    ]);
  });

  it('turns clockwise on screen (y down) about the centre', () => {
    // A 4×2 box centred at (0,0), turned 90° clockwise: its top-left corner (-2,-1) goes to (1,-2).
    const c = boxCorners({ x: -2, y: -1, width: 4, height: 2, rotation: 90 });
    closeTo(c[0] as Point2, [1, -2]);
    closeTo(c[1] as Point2, [1, 2]);
    closeTo(c[2] as Point2, [-1, 2]);
    closeTo(c[3] as Point2, [-1, -2]);
  });

  it('keeps the centre and side lengths for any rotation', () => {
    fc.assert(
      fc.property(arbBox, (box) => {
        const c = boxCorners(box);
        const mean: Point2 = [c.reduce((s, p) => s + p[0], 0) / 4, c.reduce((s, p) => s + p[1], 0) / 4];
        closeTo(mean, boxCenter(box), 6);
        const [a, b, d] = [c[0] as Point2, c[1] as Point2, c[3] as Point2];
        expect(Math.hypot(b[0] - a[0], b[1] - a[1])).toBeCloseTo(box.width, 6);
        expect(Math.hypot(d[0] - a[0], d[1] - a[1])).toBeCloseTo(box.height, 6);
      }),
    );
  });
});

describe('boxBounds', () => {
  it('is the box itself when unrotated', () => {
    expect(boxBounds({ x: 1, y: 2, width: 3, height: 4, rotation: 360 })).toEqual({ x: 1, y: 2, width: 3, height: 4 });
  });

  it('grows for a 45° turn', () => {
    const b = boxBounds({ x: 0, y: 0, width: 2, height: 2, rotation: 45 });
    expect(b.width).toBeCloseTo(2 * Math.SQRT2);
    expect(b.x).toBeCloseTo(1 - Math.SQRT2);
  });

  it('contains every corner', () => {
    fc.assert(
      fc.property(arbBox, (box) => {
        const b = boxBounds(box);
        for (const [x, y] of boxCorners(box)) {
          expect(x).toBeGreaterThanOrEqual(b.x - 1e-9);
          expect(y).toBeLessThanOrEqual(b.y + b.height + 1e-9);
        }
      }),
    );
  });
});

describe('pointInBox', () => {
  it('respects rotation', () => {
    const box = { x: -2, y: -0.5, width: 4, height: 1, rotation: 90 };
    expect(pointInBox(box, [0, 1.5])).toBe(true);
    expect(pointInBox(box, [1.5, 0])).toBe(false);
    expect(pointInBox({ x: 0, y: 0, width: 10, height: 10 }, [10, 10])).toBe(true);
    expect(pointInBox({ x: 0, y: 0, width: 10, height: 10 }, [10.01, 5])).toBe(false);
  });

  it('contains its centre and excludes points beyond its bounds', () => {
    fc.assert(
      fc.property(arbBox, (box) => {
        expect(pointInBox(box, boxCenter(box))).toBe(true);
        const b = boxBounds(box);
        expect(pointInBox(box, [b.x - 1, b.y - 1])).toBe(false);
      }),
    );
  });
});

describe('boxFromPoints', () => {
  it('normalises corners given in any order', () => {
    expect(boxFromPoints([10, 5], [2, 8])).toEqual({ x: 2, y: 5, width: 8, height: 3 });
    expect(boxFromPoints([2, 8], [10, 5])).toEqual({ x: 2, y: 5, width: 8, height: 3 });
  });
});

describe('clampBox', () => {
  it('crops an unrotated box to the image', () => {
    expect(clampBox({ x: -5, y: 90, width: 20, height: 20 }, 100, 100)).toEqual({ x: 0, y: 90, width: 15, height: 10 });
    expect(clampBox({ x: 200, y: 0, width: 20, height: 20 }, 100, 100).width).toBe(0);
  });

  it('keeps extra fields such as id and label', () => {
    const out = clampBox({ id: 'a', x: -1, y: 0, width: 5, height: 5 }, 10, 10);
    expect(out.id).toBe('a');
  });

  it('moves a rotated box inside without resizing when it fits', () => {
    const out = clampBox({ x: 95, y: 10, width: 10, height: 10, rotation: 30 }, 100, 100);
    expect(out.width).toBe(10);
    expect(out.rotation).toBe(30);
    const b = boxBounds(out);
    expect(b.x + b.width).toBeCloseTo(100);
  });

  it('keeps every corner inside the image, shrinking a rotated box only when needed, keeping its aspect', () => {
    fc.assert(
      fc.property(
        arbBox,
        fc.integer({ min: 10, max: 300 }),
        fc.integer({ min: 10, max: 300 }),
        (box, W, H) => {
          const out = clampBox(box, W, H);
          for (const [x, y] of boxCorners(out)) {
            expect(x).toBeGreaterThanOrEqual(-1e-6);
            expect(x).toBeLessThanOrEqual(W + 1e-6);
            expect(y).toBeGreaterThanOrEqual(-1e-6);
            expect(y).toBeLessThanOrEqual(H + 1e-6);
          }
          if (box.rotation % 360 !== 0) expect(out.width / out.height).toBeCloseTo(box.width / box.height, 9);
          const b = boxBounds(box);
          if (b.width <= W && b.height <= H && box.rotation % 360 !== 0) expect(out.width).toBeCloseTo(box.width, 9);
        },
      ),
    );
  });
});

describe('boxIoU', () => {
  it('matches hand-computed values for unrotated boxes', () => {
    const a = { x: 0, y: 0, width: 2, height: 2 };
    expect(boxIoU(a, a)).toBe(1);
    expect(boxIoU(a, { x: 1, y: 0, width: 2, height: 2 })).toBeCloseTo(2 / 6);
    expect(boxIoU(a, { x: 2, y: 0, width: 2, height: 2 })).toBe(0);
    expect(boxIoU({ x: 0, y: 0, width: 0, height: 0 }, { x: 0, y: 0, width: 0, height: 0 })).toBe(0);
  });

  it('is exact for a square and the same square turned 45°', () => {
    // The overlap is a regular octagon; for a unit square its area is 2·(√2−1).
    const a = { x: 0, y: 0, width: 1, height: 1 };
    const b = { ...a, rotation: 45 };
    const inter = 2 * (Math.SQRT2 - 1);
    expect(boxIoU(a, b)).toBeCloseTo(inter / (2 - inter), 12);
  });

  it('agrees between the rotated path and the fast path at 0° vs 360°', () => {
    fc.assert(
      fc.property(arbBox, arbBox, (a, b) => {
        const u = { ...a, rotation: 0 };
        const v = { ...b, rotation: 0 };
        const fast = boxIoU(u, v);
        // A negligible turn forces the clipping path; IoU is continuous in the angle.
        const slow = boxIoU({ ...u, rotation: 1e-9 }, { ...v, rotation: -1e-9 });
        expect(slow).toBeCloseTo(fast, 6);
      }),
    );
  });

  it('is symmetric and 1 for identical rotated boxes', () => {
    fc.assert(
      fc.property(arbBox, arbBox, (a, b) => {
        expect(boxIoU(a, b)).toBeCloseTo(boxIoU(b, a), 9);
        expect(boxIoU(a, a)).toBeCloseTo(1, 9);
        expect(boxArea(a)).toBeCloseTo(a.width * a.height, 9);
      }),
    );
  });
});
