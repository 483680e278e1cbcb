import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Point2 } from '../annotation.js';
import { boxIoU } from './box.js';
import {
  closestPointOnSegment,
  distinctPointCount,
  nearestEdge,
  pointInPolygon,
  pointToSegmentDistance,
  polygonArea,
  polygonBounds,
  polygonCentroid,
  polygonIntersectionArea,
  polygonIoU,
  polygonSignedArea,
  type PolygonGeometry,
} from './polygon.js';

const rect = (x: number, y: number, w: number, h: number): Point2[] => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
];

/** An L shape: the 2×2 square at the origin minus its top-right 1×1 quarter (area 3). */
const L: Point2[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [2, 1],
  [2, 2],
  [0, 2],
];

/** 10×10 square with a 4×4 hole in the middle (area 84). */
const donut: PolygonGeometry = { points: rect(0, 0, 10, 10), holes: [rect(3, 3, 4, 4)] };

/** Random star-shaped (hence simple, possibly very non-convex) polygons around a random centre. */
const arbStar = fc
  .record({
    cx: fc.integer({ min: 0, max: 20 }),
    cy: fc.integer({ min: 0, max: 20 }),
    radii: fc.array(fc.double({ min: 1, max: 15, noNaN: true }), { minLength: 3, maxLength: 12 }),
    reverse: fc.boolean(),
  })
  .map(({ cx, cy, radii, reverse }): Point2[] => {
    const pts = radii.map((r, i): Point2 => {
      const a = (2 * Math.PI * i) / radii.length;
      return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
    });
    return reverse ? pts.reverse() : pts;
  });

/** IoU estimated on a fine grid of sample points (cell centres), for checking the exact one. */
function rasterIoU(a: PolygonGeometry, b: PolygonGeometry, step: number): number {
  let inter = 0;
  let union = 0;
  for (let x = -20 + step / 2; x < 45; x += step) {
    for (let y = -20 + step / 2; y < 45; y += step) {
      const ia = pointInPolygon(a, [x, y]);
      const ib = pointInPolygon(b, [x, y]);
      if (ia && ib) inter++;
      if (ia || ib) union++;
    }
  }
  return union === 0 ? 0 : inter / union;
}

describe('polygon area', () => {
  it('signs rings by orientation and subtracts holes', () => {
    expect(polygonSignedArea(L)).toBe(3);
    expect(polygonSignedArea(L.slice().reverse())).toBe(-3);
    expect(polygonArea({ points: L.slice().reverse() })).toBe(3);
    expect(polygonArea(donut)).toBe(84);
    expect(polygonArea({ points: donut.points, holes: [rect(3, 3, 4, 4).reverse()] })).toBe(84);
  });
});

describe('pointInPolygon', () => {
  it('handles concave corners and holes', () => {
    expect(pointInPolygon({ points: L }, [0.5, 1.5])).toBe(true);
    expect(pointInPolygon({ points: L }, [1.5, 0.5])).toBe(false);
    expect(pointInPolygon(donut, [1, 1])).toBe(true);
    expect(pointInPolygon(donut, [5, 5])).toBe(false);
    expect(pointInPolygon(donut, [11, 5])).toBe(false);
  });
});

describe('distinctPointCount', () => {
  it('counts repeated points once, optionally within a tolerance', () => {
    expect(distinctPointCount([[0, 0], [1, 1], [0, 0], [1, 1]])).toBe(2);
    expect(distinctPointCount([[0, 0], [0.001, 0], [5, 5]], 0.01)).toBe(2);
  });
});

describe('polygonBounds and polygonCentroid', () => {
  it('bounds the outer ring', () => {
    expect(polygonBounds({ points: L })).toEqual({ x: 0, y: 0, width: 2, height: 2 });
  });

  it('weights the centroid by area, holes included', () => {
    const [x, y] = polygonCentroid({ points: L });
    // Three unit squares centred at (0.5,0.5), (0.5,1.5), (1.5,1.5).
    expect(x).toBeCloseTo(2.5 / 3);
    expect(y).toBeCloseTo(3.5 / 3);
    const off = polygonCentroid({ points: rect(0, 0, 10, 10), holes: [rect(0, 0, 5, 10)] });
    expect(off[0]).toBeCloseTo(7.5);
    expect(off[1]).toBeCloseTo(5);
    expect(polygonCentroid({ points: [[0, 0], [2, 2], [4, 4]] })).toEqual([2, 2]);
  });
});

describe('segments and nearest edge', () => {
  it('measures distance to a segment, clamped to its ends', () => {
    expect(pointToSegmentDistance([5, 3], [0, 0], [10, 0])).toBe(3);
    expect(pointToSegmentDistance([13, 4], [0, 0], [10, 0])).toBe(5);
    expect(pointToSegmentDistance([1, 1], [0, 0], [0, 0])).toBeCloseTo(Math.SQRT2);
    expect(closestPointOnSegment([5, 3], [0, 0], [10, 0])).toEqual([5, 0]);
  });

  it('finds the edge to split, including the closing edge', () => {
    const sq = rect(0, 0, 10, 10);
    expect(nearestEdge(sq, [5, -1])).toMatchObject({ index: 0, insertAt: 1, distance: 1, point: [5, 0] });
    expect(nearestEdge(sq, [-2, 5])).toMatchObject({ index: 3, insertAt: 4, distance: 2 });
    expect(nearestEdge(sq, [-2, 5], false)).toMatchObject({ index: 0 });
    expect(nearestEdge([[0, 0]], [1, 1])).toBeNull();
  });
});

describe('polygonIoU', () => {
  it('matches hand-computed overlaps of non-convex polygons and holes', () => {
    // L against the 1×1 square in its missing quarter: no overlap.
    expect(polygonIoU({ points: L }, { points: rect(1, 0, 1, 1) })).toBe(0);
    // L against the full 2×2 square: 3 / 4.
    expect(polygonIoU({ points: L }, { points: rect(0, 0, 2, 2) })).toBeCloseTo(0.75, 12);
    // A square inside the donut's hole does not overlap it; one straddling the hole's edge half does.
    expect(polygonIoU(donut, { points: rect(4, 4, 2, 2) })).toBe(0);
    expect(polygonIntersectionArea(donut, { points: rect(2, 4, 2, 2) })).toBeCloseTo(2, 12);
    expect(polygonIoU(donut, donut)).toBeCloseTo(1, 12);
    expect(polygonIoU({ points: [] }, { points: L })).toBe(0);
  });

  it('agrees with boxIoU on rectangles', () => {
    expect(polygonIoU({ points: rect(0, 0, 4, 3) }, { points: rect(1, 1, 5, 5) })).toBeCloseTo(
      boxIoU({ x: 0, y: 0, width: 4, height: 3 }, { x: 1, y: 1, width: 5, height: 5 }),
      12,
    );
  });

  it('is symmetric, in [0,1], 1 with itself, and agrees with a raster estimate on random non-convex polygons', () => {
    fc.assert(
      fc.property(arbStar, arbStar, (pa, pb) => {
        const a = { points: pa };
        const b = { points: pb };
        const iou = polygonIoU(a, b);
        expect(iou).toBeGreaterThanOrEqual(0);
        expect(iou).toBeLessThanOrEqual(1);
        expect(polygonIoU(b, a)).toBeCloseTo(iou, 9);
        expect(polygonIoU(a, a)).toBeCloseTo(1, 9);
        // 0.25 px cells over shapes of radius >= 1: the estimate is within a few hundredths.
        expect(Math.abs(iou - rasterIoU(a, b, 0.25))).toBeLessThan(0.03);
      }),
      { numRuns: 40 },
    );
  });
});
