import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BBoxAnnotation } from '@labelkit/core';
import { boxHandlePoints, moveBoxEdge, resizeBox, rotateBoxToward, type ResizeDirection } from './box-handles.js';

const OPPOSITE: Record<ResizeDirection, ResizeDirection> = { n: 's', ne: 'sw', e: 'w', se: 'nw', s: 'n', sw: 'ne', w: 'e', nw: 'se' };
const box = (rotation: number): BBoxAnnotation => ({ id: 'b', kind: 'bbox', label: 'x', x: 100, y: 80, width: 60, height: 40, rotation });

describe('box handles', () => {
  it('resizing a rotated box keeps the opposite handle fixed in image space', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 359 }),
        fc.constantFrom<ResizeDirection>('n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (rot, dir, dx, dy) => {
          const b = box(rot);
          const h = boxHandlePoints(b, 0).resize;
          const fixed = h[OPPOSITE[dir]];
          const r = resizeBox(b, dir, [h[dir][0] + dx, h[dir][1] + dy], 2);
          const after = boxHandlePoints(r, 0).resize[OPPOSITE[dir]];
          expect(after[0]).toBeCloseTo(fixed[0], 6);
          expect(after[1]).toBeCloseTo(fixed[1], 6);
          expect(r.width).toBeGreaterThanOrEqual(2 - 1e-9);
          expect(r.height).toBeGreaterThanOrEqual(2 - 1e-9);
        },
      ),
    );
  });

  it('unrotated corner drag gives the exact box; minimum size stops flipping', () => {
    expect(resizeBox(box(0), 'se', [200, 150], 2)).toMatchObject({ x: 100, y: 80, width: 100, height: 70 });
    expect(resizeBox(box(0), 'se', [0, 0], 5)).toMatchObject({ x: 100, y: 80, width: 5, height: 5 });
    expect(resizeBox(box(0), 'se', [220, 100], 2, true)).toMatchObject({ width: 120, height: 80 });
  });

  it('rotation handle: right of centre is 90°, Shift snaps to 15°', () => {
    expect(rotateBoxToward(box(0), [300, 100], false).rotation).toBeCloseTo(90);
    expect(rotateBoxToward(box(0), [130, 0], false).rotation).toBeCloseTo(0);
    expect(rotateBoxToward(box(0), [150, 20], true).rotation).toBe(15);
    expect(rotateBoxToward(box(0), [205, 20], true).rotation).toBe(45);
    expect(rotateBoxToward(box(0), [100, 100], false).rotation).toBeCloseTo(270);
  });

  it('moves an edge outward along its normal, even when rotated', () => {
    expect(moveBoxEdge(box(0), 'w', 10, 2)).toMatchObject({ x: 90, width: 70 });
    const r = moveBoxEdge(box(90), 'e', 10, 2);
    expect(r.width).toBeCloseTo(70);
    expect(r.height).toBeCloseTo(40);
    // Rotated 90°, the east edge faces down: the centre moves 5 px down.
    expect(r.y + r.height / 2).toBeCloseTo(105);
  });
});
