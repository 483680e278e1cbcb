import { describe, expect, it, vi } from 'vitest';
import type { Keypoint, KeypointsAnnotation } from '../annotation.js';
import { COCO17_SIGMAS, keypointSimilarity, labelledPointsArea } from './keypoint-similarity.js';
import { similarity } from './similarity.js';
import { runReference, seededRandom } from './test-utils/python.js';

// The Python references start in a second or more on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const skeleton = (points: Keypoint[]): KeypointsAnnotation => ({ id: 'k', kind: 'keypoints', label: 'person', points });

describe('keypoint OKS', () => {
  it('equals pycocotools computeOks (its formula lines, in reference/oks.py) on random skeletons', () => {
    const rand = seededRandom(17);
    const cases: { dt: KeypointsAnnotation; gt: KeypointsAnnotation; area?: number; sigmas: readonly number[]; coco: boolean }[] = [];
    for (let c = 0; c < 80; c++) {
      const coco = c % 2 === 0;
      const n = coco ? 17 : 3 + Math.floor(rand() * 8);
      const gtPoints: Keypoint[] = Array.from({ length: n }, (_, k) => ({
        x: 100 + rand() * 200,
        y: 100 + rand() * 300,
        // At least one labelled point; a third of the rest unlabelled or occluded.
        visibility: (k === 0 ? 2 : ([0, 1, 2] as const)[Math.floor(rand() * 3)]!) as 0 | 1 | 2,
      }));
      const spread = [2, 10, 40][c % 3]!;
      const dtPoints: Keypoint[] = gtPoints.map((p) => ({ x: p.x + (rand() - 0.5) * spread, y: p.y + (rand() - 0.5) * spread, visibility: 2 }));
      const sigmas = coco ? COCO17_SIGMAS : Array.from({ length: n }, () => 0.02 + rand() * 0.1);
      const area = c % 4 < 2 ? 5000 + rand() * 40000 : undefined;
      cases.push({ dt: skeleton(dtPoints), gt: skeleton(gtPoints), area, sigmas, coco });
    }
    const flat = (a: KeypointsAnnotation) => a.points.flatMap((p) => [p.x, p.y, p.visibility]);
    const ref = runReference<{ oks: number[] }>('oks.py', {
      cases: cases.map((c) => ({ dt: flat(c.dt), gt: flat(c.gt), area: c.area ?? labelledPointsArea(c.gt.points), sigmas: c.sigmas })),
    });
    cases.forEach((c, i) => {
      const got = similarity(c.dt, c.gt, { sigmas: c.coco ? 'coco17' : c.sigmas, ...(c.area !== undefined ? { area: c.area } : {}) });
      expect(got).toBeCloseTo(ref.oks[i]!, 12);
    });
    // The spread of the cases covers the range of OKS.
    expect(Math.min(...ref.oks)).toBeLessThan(0.3);
    expect(Math.max(...ref.oks)).toBeGreaterThan(0.9);
  });

  it('uses COCO σ for 17 points by default, reads only gold visibility, and gives 0 for an unlabelled gold', () => {
    const gt = skeleton(Array.from({ length: 17 }, (_, k) => ({ x: k * 10, y: k * 5, visibility: 2 as const })));
    const moved = skeleton(gt.points.map((p) => ({ ...p, x: p.x + 3 })));
    expect(keypointSimilarity(moved, gt)).toBeCloseTo(keypointSimilarity(moved, gt, { sigmas: 'coco17' }), 15);
    expect(keypointSimilarity(gt, gt)).toBe(1);
    const hidden = skeleton(moved.points.map((p) => ({ ...p, visibility: 0 as const })));
    expect(keypointSimilarity(hidden, gt)).toBe(keypointSimilarity(moved, gt));
    expect(keypointSimilarity(gt, hidden)).toBe(0);
    expect(() => keypointSimilarity(skeleton(gt.points.slice(0, 3)), gt)).toThrow(RangeError);
  });
});
