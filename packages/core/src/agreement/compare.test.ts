import { describe, expect, it, vi } from 'vitest';
import type { Annotation, BBoxAnnotation, KeypointsAnnotation, SegmentAnnotation, SpanAnnotation } from '../annotation.js';
import { boxIoU } from '../geometry/box.js';
import { defineSchema } from '../schema.js';
import { compare } from './compare.js';
import { keypointSimilarity } from './keypoint-similarity.js';
import { runReference, seededRandom } from './test-utils/python.js';
import { testBox } from './test-utils/boxes.js';

// The Python references start in a second or more on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const box = testBox;

function randomBoxes(rand: () => number, n: number, prefix: string, labels: string[]): BBoxAnnotation[] {
  return Array.from({ length: n }, (_, i) => box(`${prefix}${i}`, labels[Math.floor(rand() * labels.length)]!, rand() * 200, rand() * 200, 10 + rand() * 30, 10 + rand() * 30));
}

describe('compare', () => {
  it('reports each kind of conflict, and counts a wrong label against both labels', () => {
    const a: Annotation[] = [
      box('a1', 'car', 0, 0, 10, 10, { colour: 'red', tags: ['x', 'y'] }),
      box('a2', 'car', 100, 0), // wrong label: b2 is a truck
      box('a3', 'car', 200, 0), // low overlap with b3
      box('a4', 'person', 400, 0), // extra
      { id: 'a5', kind: 'segment', label: 'spk1', start: 0, end: 2, text: 'hello there' },
    ];
    const b: Annotation[] = [
      box('b1', 'car', 1, 0, 10, 10, { colour: 'blue', tags: ['y', 'x'] }),
      box('b2', 'truck', 100, 1),
      box('b3', 'car', 207, 0),
      box('b4', 'person', 600, 0), // missing
      { id: 'b5', kind: 'segment', label: 'spk1', start: 0.1, end: 2, text: 'hello here' },
    ];
    const r = compare(a, b);
    expect(r.matches.map((m) => [m.a, m.b, m.sameLabel])).toEqual([
      ['a1', 'b1', true],
      ['a2', 'b2', false],
      ['a5', 'b5', true],
    ]);
    expect(r.matches[0]!.similarity).toBeCloseTo(90 / 110, 12);
    expect(r.matches[0]!.attributeDiffs).toEqual([{ attribute: 'colour', a: 'red', b: 'blue' }]);
    expect(r.onlyA).toEqual(['a3', 'a4']);
    expect(r.onlyB).toEqual(['b3', 'b4']);
    expect(r.conflicts).toEqual([
      { type: 'attributeMismatch', a: 'a1', b: 'b1', attributes: ['colour'] },
      { type: 'wrongLabel', a: 'a2', b: 'b2', labelA: 'car', labelB: 'truck', similarity: expect.closeTo(90 / 110, 12) },
      { type: 'transcriptDiffers', a: 'a5', b: 'b5' },
      { type: 'lowOverlap', a: 'a3', b: 'b3', similarity: expect.closeTo(30 / 170, 12), sameLabel: true },
      { type: 'extra', a: 'a4' },
      { type: 'missing', b: 'b4' },
    ]);
    expect(r.perLabel.car).toEqual({ tp: 1, fp: 2, fn: 1, precision: 1 / 3, recall: 0.5, f1: 2 / 5 });
    expect(r.perLabel.truck).toMatchObject({ tp: 0, fp: 0, fn: 1, recall: 0, f1: 0 });
    expect(r.perLabel.truck!.precision).toBeNaN();
    expect(r.perKind.bbox).toMatchObject({ tp: 1, fp: 3, fn: 3 });
    expect(r.perKind.segment).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(r.score).toBeCloseTo((2 * (90 / 110 + 1.9 / 2)) / 10, 12);
    expect(r.assignment).toBe('optimal');
    // Ids, not copies; and plain JSON.
    expect(JSON.parse(JSON.stringify(r.matches))).toEqual(r.matches);
  });

  it('honours thresholds per kind and per label (the larger of two labels’)', () => {
    const a = [box('a', 'car', 0, 0)];
    const b = [box('b', 'car', 2, 0)]; // IoU 80/120 = 0.667
    expect(compare(a, b).matches).toHaveLength(1);
    expect(compare(a, b, { threshold: 0.7 }).matches).toHaveLength(0);
    expect(compare(a, b, { threshold: 0.7, kindThresholds: { bbox: 0.6 } }).matches).toHaveLength(1);
    expect(compare(a, b, { labelThresholds: { car: 0.7 } }).matches).toHaveLength(0);
    expect(compare(a, [box('b', 'truck', 2, 0)], { labelThresholds: { truck: 0.7 } }).matches).toHaveLength(0);
  });

  it('is perfect against itself, mirrors when the sides swap, and stays in [0, 1]', () => {
    const rand = seededRandom(5);
    for (let t = 0; t < 20; t++) {
      const a = randomBoxes(rand, 40, 'a', ['car', 'truck', 'bus']);
      const same = compare(a, a);
      expect(same.score).toBe(1);
      expect(same.conflicts).toEqual([]);
      for (const c of Object.values(same.perLabel)) expect(c.f1).toBe(1);

      const b = randomBoxes(rand, 35, 'b', ['car', 'truck', 'bus']);
      const ab = compare(a, b);
      const ba = compare(b, a);
      expect(ab.score).toBeGreaterThanOrEqual(0);
      expect(ab.score).toBeLessThanOrEqual(1);
      expect(ba.score).toBeCloseTo(ab.score, 12);
      expect(ba.matches.map((m) => `${m.b}-${m.a}`).sort()).toEqual(ab.matches.map((m) => `${m.a}-${m.b}`).sort());
      expect(ba.onlyA).toEqual(ab.onlyB);
      for (const [label, c] of Object.entries(ab.perLabel)) {
        expect(ba.perLabel[label]).toMatchObject({ tp: c.tp, fp: c.fn, fn: c.fp });
      }
    }
  });

  it("maximises total similarity among same-label pairs at or over the threshold, as scipy's optimum", () => {
    const rand = seededRandom(6);
    const matrices: number[][][] = [];
    const results: number[] = [];
    for (let t = 0; t < 15; t++) {
      // Crowded boxes of one label, so pairs compete.
      const a = Array.from({ length: 30 }, (_, i) => box(`a${i}`, 'car', rand() * 60, rand() * 60, 20, 20));
      const b = a.map((x, i) => box(`b${i}`, 'car', x.x + (rand() - 0.5) * 12, x.y + (rand() - 0.5) * 12, 20, 20));
      const r = compare(a, b, { threshold: 0.3 });
      results.push(r.matches.reduce((s, m) => s + m.similarity, 0));
      matrices.push(a.map((x) => b.map((y) => (boxIoU(x, y) >= 0.3 ? boxIoU(x, y) : 0))));
    }
    const want = runReference<{ totals: number[] }>('assignment.py', { matrices }).totals;
    results.forEach((got, i) => expect(got).toBeCloseTo(want[i]!, 9));
  });

  it('matches spans, and keypoints by OKS with σ from the schema', () => {
    const span = (id: string, start: number, end: number): SpanAnnotation => ({ id, kind: 'span', label: 'PER', start, end, text: 'x'.repeat(end - start) });
    expect(compare([span('a', 0, 5)], [span('b', 0, 6)]).matches).toHaveLength(1);
    expect(compare([span('a', 0, 5)], [span('b', 0, 6)], { spanMatch: 'exact' }).matches).toHaveLength(0);

    const schema = defineSchema({ labels: [{ id: 'hand', kinds: ['keypoints'], skeleton: { keypoints: ['p', 'q'], sigmas: [0.5, 0.5] } }] });
    const gold: KeypointsAnnotation = { id: 'g', kind: 'keypoints', label: 'hand', points: [{ x: 0, y: 0, visibility: 2 }, { x: 10, y: 10, visibility: 2 }] };
    const det: KeypointsAnnotation = { ...gold, id: 'd', points: gold.points.map((p) => ({ ...p, x: p.x + 4 })) };
    const withSchema = compare([det], [gold], { schema });
    expect(withSchema.matches[0]?.similarity).toBeCloseTo(keypointSimilarity(det, gold, { sigmas: [0.5, 0.5] }), 12);
    // Default σ 0.09 is far stricter: the same pair does not match.
    expect(compare([det], [gold]).matches).toHaveLength(0);
  });

  it('compares two 10,000-box sets exactly (the independent parts are small)', () => {
    const rand = seededRandom(10000);
    const a = Array.from({ length: 10000 }, (_, i) => box(`a${i}`, i % 3 === 0 ? 'car' : 'person', rand() * 8000, rand() * 8000, 20 + rand() * 40, 20 + rand() * 40));
    const b = a.map((x, i) => box(`b${i}`, rand() < 0.02 ? 'truck' : x.label, x.x + (rand() - 0.5) * 6, x.y + (rand() - 0.5) * 6, x.width, x.height));
    const r = compare(a, b);
    expect(r.assignment).toBe('optimal');
    expect(r.matches.length).toBeGreaterThan(9900);
    const wrong = r.conflicts.filter((c) => c.type === 'wrongLabel').length;
    expect(wrong).toBeGreaterThan(100);
    expect(wrong).toBeLessThan(300);
  });

  it('says when part of the matching was greedy', () => {
    const a = [box('a1', 'car', 0, 0), box('a2', 'car', 3, 0)];
    const b = [box('b1', 'car', 1, 0), box('b2', 'car', 4, 0)];
    expect(compare(a, b).assignment).toBe('optimal');
    expect(compare(a, b, { maxOptimalCells: 1 }).assignment).toBe('greedy');
  });

  it('gives NaN for two empty sets and scores segments’ transcripts apart from their overlap', () => {
    expect(compare([], []).score).toBeNaN();
    const seg = (id: string, text?: string): SegmentAnnotation => ({ id, kind: 'segment', label: 's', start: 0, end: 1, ...(text !== undefined ? { text } : {}) });
    expect(compare([seg('a', 'hi')], [seg('b', 'hi')]).conflicts).toEqual([]);
    expect(compare([seg('a', 'hi')], [seg('b')]).conflicts).toEqual([{ type: 'transcriptDiffers', a: 'a', b: 'b' }]);
  });
});
