import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Point3 } from '../annotation.js';
import { cuboidCorners, cuboidVolume, pointsInCuboid, rotationMatrix, type CuboidGeometry } from './cuboid.js';

const apply = (m: number[], v: Point3): Point3 => [
  (m[0] ?? 0) * v[0] + (m[1] ?? 0) * v[1] + (m[2] ?? 0) * v[2],
  (m[3] ?? 0) * v[0] + (m[4] ?? 0) * v[1] + (m[5] ?? 0) * v[2],
  (m[6] ?? 0) * v[0] + (m[7] ?? 0) * v[1] + (m[8] ?? 0) * v[2],
];

const expectPoint = (p: Point3 | undefined, q: Point3): void => {
  expect(p).toBeDefined();
  for (let i = 0; i < 3; i++) expect(p?.[i]).toBeCloseTo(q[i] ?? NaN, 9);
};

const arbAngle = fc.double({ min: -Math.PI, max: Math.PI, noNaN: true });
const arbCuboid = fc.record({
  center: fc.tuple(...[0, 1, 2].map(() => fc.double({ min: -50, max: 50, noNaN: true }))) as fc.Arbitrary<Point3>,
  size: fc.tuple(...[0, 1, 2].map(() => fc.double({ min: 0.5, max: 10, noNaN: true }))) as fc.Arbitrary<Point3>,
  yaw: arbAngle,
  pitch: arbAngle,
  roll: arbAngle,
});

describe('rotationMatrix', () => {
  it('follows the right-hand rule about z for yaw, y for pitch, x for roll', () => {
    expectPoint(apply(rotationMatrix(Math.PI / 2), [1, 0, 0]), [0, 1, 0]);
    expectPoint(apply(rotationMatrix(0, Math.PI / 2), [1, 0, 0]), [0, 0, -1]);
    expectPoint(apply(rotationMatrix(0, 0, Math.PI / 2), [0, 1, 0]), [0, 0, 1]);
  });

  it('applies yaw first (intrinsic Z-Y-X): pitch tilts the yawed nose', () => {
    // Yaw 90° points the nose along +y; pitch 90° about the new y then points it down.
    expectPoint(apply(rotationMatrix(Math.PI / 2, Math.PI / 2), [1, 0, 0]), [0, 0, -1]);
    // Roll about the yawed x axis (world +y) turns the left side (local +y, world −x) upwards.
    expectPoint(apply(rotationMatrix(Math.PI / 2, 0, Math.PI / 2), [0, 1, 0]), [0, 0, 1]);
  });

  it('is orthonormal with determinant 1', () => {
    fc.assert(
      fc.property(arbAngle, arbAngle, arbAngle, (y, p, r) => {
        const m = rotationMatrix(y, p, r);
        const [a, b, c, d, e, f, g, h, i] = m;
        expect(a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)).toBeCloseTo(1, 9);
        expect(a * a + d * d + g * g).toBeCloseTo(1, 9);
        expect(a * b + d * e + g * h).toBeCloseTo(0, 9);
      }),
    );
  });
});

describe('cuboidCorners', () => {
  it('lists the bottom face then the top face, front-left first', () => {
    const c = cuboidCorners({ center: [0, 0, 1], size: [4, 2, 2], yaw: 0 });
    expect(c).toHaveLength(8);
    expectPoint(c[0], [2, 1, 0]);
    expectPoint(c[2], [-2, -1, 0]);
    expectPoint(c[4], [2, 1, 2]);
    expectPoint(c[7], [-2, 1, 2]);
  });

  it('rotates about the centre with yaw', () => {
    const c = cuboidCorners({ center: [10, 0, 0], size: [4, 2, 2], yaw: Math.PI / 2 });
    // Front-left (+2,+1) turned 90° ccw seen from above becomes (−1,+2).
    expectPoint(c[0], [9, 2, -1]);
  });
});

describe('cuboidVolume', () => {
  it('multiplies the sides', () => {
    expect(cuboidVolume({ center: [0, 0, 0], size: [4, 2, 3], yaw: 1 })).toBe(24);
  });
});

describe('pointsInCuboid', () => {
  it('finds points inside a yawed box, faces included, and honours the stride', () => {
    const box: CuboidGeometry = { center: [0, 0, 0], size: [4, 2, 2], yaw: Math.PI / 2 };
    // With yaw 90° the 4 m length runs along world y.
    const xyzi = new Float32Array([0, 1.9, 0, 7, 1.9, 0, 0, 7, 0, -2, 1, 7, 0.5, 0.5, 0.5, 7, NaN, 0, 0, 7]);
    expect(Array.from(pointsInCuboid(box, xyzi, 4))).toEqual([0, 2, 3]);
    expect(pointsInCuboid(box, new Float32Array(0))).toEqual(new Uint32Array(0));
    expect(() => pointsInCuboid(box, xyzi, 2)).toThrow(RangeError);
  });

  it('agrees with a direct test in the box frame on random points and rotations', () => {
    fc.assert(
      fc.property(arbCuboid, fc.array(fc.float({ min: -60, max: 60, noNaN: true }), { minLength: 0, maxLength: 300 }), (c, coords) => {
        const positions = new Float32Array(coords.slice(0, coords.length - (coords.length % 3)));
        // Also scatter points that are surely inside: the box's corners pulled halfway to its centre.
        const corners = cuboidCorners(c).map((p) => p.map((v, i) => (v + (c.center[i] ?? 0)) / 2));
        const all = new Float32Array([...positions, ...corners.flat()]);
        const m = rotationMatrix(c.yaw, c.pitch, c.roll);
        const expected: number[] = [];
        for (let i = 0; i * 3 < all.length; i++) {
          const d: Point3 = [0, 1, 2].map((k) => (all[i * 3 + k] ?? NaN) - (c.center[k] ?? 0)) as Point3;
          const local = apply([m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]], d);
          // Skip points within rounding distance of a face, where either answer is right.
          const margins = local.map((v, k) => Math.abs(v) - (c.size[k] ?? 0) / 2);
          if (margins.some((g) => Math.abs(g) < 1e-4)) return;
          if (margins.every((g) => g < 0)) expected.push(i);
        }
        const found = Array.from(pointsInCuboid(c, all));
        expect(found).toEqual(expected);
        expect(found.length).toBeGreaterThanOrEqual(8);
      }),
    );
  });
});
