import { describe, expect, it, vi } from 'vitest';
import { runReference, seededRandom } from '../agreement/test-utils/python.js';
import type { CuboidGeometry } from './cuboid.js';
import { cuboidBevIoU, cuboidIntersectionVolume, cuboidIoU } from './cuboid-overlap.js';

// The Python references start in a second or more on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

function randomCuboid(rand: () => number, tilted: boolean): CuboidGeometry {
  return {
    center: [rand() * 4, rand() * 4, rand() * 2],
    size: [1 + rand() * 4, 1 + rand() * 2, 0.5 + rand() * 2],
    yaw: (rand() - 0.5) * 2 * Math.PI,
    ...(tilted ? { pitch: (rand() - 0.5) * 0.8, roll: (rand() - 0.5) * 0.8 } : {}),
  };
}

describe('cuboid overlap', () => {
  it('gives 3D and bird’s-eye IoU equal to scipy (halfspace intersection) and Shapely, tilted or not', () => {
    const rand = seededRandom(3);
    const pairs: [CuboidGeometry, CuboidGeometry][] = [];
    for (let i = 0; i < 80; i++) {
      const a = randomCuboid(rand, i % 2 === 1);
      // Half the second boxes are near copies, so high overlaps are covered too.
      const b = i % 4 < 2 ? randomCuboid(rand, i % 2 === 1) : { ...a, center: [a.center[0] + rand() * 0.5, a.center[1] + rand() * 0.5, a.center[2]] as [number, number, number], yaw: a.yaw + rand() * 0.3 };
      pairs.push([a, b]);
    }
    const ref = runReference<{ cuboids: number[]; bev: number[] }>('geometry.py', { cuboids: pairs });
    let overlapping = 0;
    pairs.forEach(([a, b], i) => {
      expect(cuboidIoU(a, b)).toBeCloseTo(ref.cuboids[i]!, 9);
      expect(cuboidBevIoU(a, b)).toBeCloseTo(ref.bev[i]!, 9);
      if (ref.cuboids[i]! > 0.05) overlapping++;
    });
    expect(overlapping).toBeGreaterThan(30);
  });

  it('gives 1 for a box with itself (a face in a clipping plane is not counted twice) and 0 apart', () => {
    const c: CuboidGeometry = { center: [1, 2, 3], size: [4, 2, 1.5], yaw: 0.3, pitch: 0.2, roll: -0.1 };
    expect(cuboidIoU(c, c)).toBeCloseTo(1, 12);
    expect(cuboidIntersectionVolume(c, c)).toBeCloseTo(12, 9);
    expect(cuboidIoU(c, { ...c, center: [20, 2, 3] })).toBe(0);
    expect(cuboidBevIoU(c, { ...c, center: [1, 2, 30] })).toBeCloseTo(1, 12);
  });
});
