import { describe, expect, it, vi } from 'vitest';
import type { BBoxAnnotation, PolygonAnnotation, Point2, SegmentAnnotation, SpanAnnotation, TagAnnotation, TrackAnnotation } from '../annotation.js';
import { similarity } from './similarity.js';
import { tagSetJaccard } from './tag-similarity.js';
import { runReference, seededRandom } from './test-utils/python.js';

// The Python references start in a second or more on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const box = (x: number, y: number, width: number, height: number, rotation?: number): BBoxAnnotation => ({
  id: 'b',
  kind: 'bbox',
  label: 'car',
  x,
  y,
  width,
  height,
  ...(rotation !== undefined ? { rotation } : {}),
});

/** A random star-shaped simple polygon around (cx, cy). */
function star(rand: () => number, cx: number, cy: number, r: number, n: number): Point2[] {
  return Array.from({ length: n }, (_, k) => {
    const t = (k / n) * 2 * Math.PI;
    const rr = r * (0.5 + 0.5 * rand());
    return [cx + rr * Math.cos(t), cy + rr * Math.sin(t)] as Point2;
  });
}

describe('similarity of boxes and polygons', () => {
  it('gives rotated-box IoU equal to Shapely’s', () => {
    const rand = seededRandom(7);
    const pairs: [BBoxAnnotation, BBoxAnnotation][] = [];
    for (let i = 0; i < 100; i++) {
      const a = box(rand() * 50, rand() * 50, 5 + rand() * 40, 5 + rand() * 40, i % 3 === 0 ? undefined : rand() * 360);
      const b = box(a.x + (rand() - 0.5) * 20, a.y + (rand() - 0.5) * 20, a.width * (0.7 + rand() * 0.6), a.height * (0.7 + rand() * 0.6), i % 3 === 0 ? undefined : rand() * 360);
      pairs.push([a, b]);
    }
    const ref = runReference<{ boxes: number[] }>('geometry.py', { boxes: pairs });
    pairs.forEach(([a, b], i) => expect(similarity(a, b)).toBeCloseTo(ref.boxes[i]!, 9));
  });

  it('gives IoU of non-convex polygons with holes equal to Shapely’s', () => {
    const rand = seededRandom(11);
    const pairs: [PolygonAnnotation, PolygonAnnotation][] = [];
    for (let i = 0; i < 60; i++) {
      const poly = (cx: number, cy: number): PolygonAnnotation => ({
        id: 'p',
        kind: 'polygon',
        label: 'lake',
        points: star(rand, cx, cy, 40, 5 + Math.floor(rand() * 10)),
        // A hole well inside the star's inner radius (20), so it never crosses the outer ring.
        ...(rand() < 0.7 ? { holes: [star(rand, cx + (rand() - 0.5) * 8, cy + (rand() - 0.5) * 8, 10, 3 + Math.floor(rand() * 5))] } : {}),
      });
      pairs.push([poly(100, 100), poly(100 + (rand() - 0.5) * 50, 100 + (rand() - 0.5) * 50)]);
    }
    const ref = runReference<{ polygons: number[] }>('geometry.py', { polygons: pairs });
    pairs.forEach(([a, b], i) => expect(similarity(a, b)).toBeCloseTo(ref.polygons[i]!, 9));
  });

  it('falls as a box slides away, to 0 once apart', () => {
    let last = 1;
    for (let dx = 0; dx <= 12; dx += 0.5) {
      const v = similarity(box(0, 0, 10, 10, 30), box(dx, 0, 10, 10, 30));
      expect(v).toBeLessThanOrEqual(last + 1e-12);
      expect(v).toBeGreaterThanOrEqual(0);
      last = v;
    }
    expect(similarity(box(0, 0, 10, 10), box(5, 0, 10, 10))).toBeCloseTo(50 / 150, 12);
    expect(similarity(box(0, 0, 10, 10), box(30, 0, 10, 10))).toBe(0);
  });

  it('refuses two different kinds', () => {
    const tag: TagAnnotation = { id: 't', kind: 'tag', label: 'x' };
    expect(() => similarity(box(0, 0, 1, 1), tag)).toThrow(TypeError);
  });
});

describe('similarity of ranges, tags and tracks', () => {
  const span = (start: number, end: number): SpanAnnotation => ({ id: 's', kind: 'span', label: 'PER', start, end, text: 'x'.repeat(end - start) });
  const seg = (start: number, end: number, channel?: number): SegmentAnnotation => ({ id: 'g', kind: 'segment', label: 'spk', start, end, ...(channel !== undefined ? { channel } : {}) });

  it('scores spans and segments by IoU over [start, end), spans also by exact match', () => {
    expect(similarity(span(0, 10), span(5, 15))).toBeCloseTo(5 / 15, 12);
    expect(similarity(span(0, 10), span(10, 20))).toBe(0); // half-open: touching is no overlap
    expect(similarity(span(0, 10), span(0, 9), { spanMatch: 'exact' })).toBe(0);
    expect(similarity(span(3, 9), span(3, 9), { spanMatch: 'exact' })).toBe(1);
    expect(similarity(seg(1.5, 3.5), seg(2.5, 4.5))).toBeCloseTo(1 / 3, 12);
    expect(similarity(seg(0, 1, 0), seg(0, 1, 1))).toBe(0);
    expect(similarity(seg(0, 1, 0), seg(0, 1))).toBe(1);
  });

  it('scores tags by label equality and range overlap, and tag sets by Jaccard', () => {
    const tag = (label: string, start?: number, end?: number): TagAnnotation => ({ id: label, kind: 'tag', label, ...(start !== undefined ? { start, end } : {}) });
    expect(similarity(tag('greet'), tag('greet'))).toBe(1);
    expect(similarity(tag('greet'), tag('bye'))).toBe(0);
    expect(similarity(tag('greet', 0, 10), tag('greet', 0, 5))).toBe(0.5);
    expect(similarity(tag('greet', 0, 10), tag('greet'))).toBe(0);
    expect(tagSetJaccard([tag('a'), tag('b')], [tag('b'), tag('c')])).toBeCloseTo(1 / 3, 12);
    expect(tagSetJaccard(['a'], ['a'])).toBe(1);
    expect(tagSetJaccard([], [])).toBe(1);
  });

  it('averages per-frame box IoU over the frames either track covers', () => {
    const track = (keyframes: TrackAnnotation['keyframes']): TrackAnnotation => ({ id: 't', kind: 'track', label: 'car', keyframes });
    // a: frames 0–9 (outside from 10); b: frames 5–9 identical to a, then present to the end (frame 14).
    const a = track([
      { frame: 0, x: 0, y: 0, width: 10, height: 10 },
      { frame: 9, x: 9, y: 0, width: 10, height: 10 },
      { frame: 10, x: 9, y: 0, width: 10, height: 10, outside: true },
    ]);
    const b = track([
      { frame: 5, x: 5, y: 0, width: 10, height: 10 },
      { frame: 9, x: 9, y: 0, width: 10, height: 10 },
      { frame: 14, x: 9, y: 0, width: 10, height: 10 },
    ]);
    // Union of covered frames: 0–14 (15 frames); both present and equal on 5–9 (5 frames).
    expect(similarity(a, b)).toBeCloseTo(5 / 15, 12);
    expect(similarity(a, a)).toBe(1);
    // With a longer video, b stays present after its last keyframe and the union grows.
    expect(similarity(a, b, { frameCount: 20 })).toBeCloseTo(5 / 20, 12);
  });
});
