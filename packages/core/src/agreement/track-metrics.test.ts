import { describe, expect, it } from 'vitest';
import type { TrackAnnotation, TrackKeyframe } from '../annotation.js';
import { trackMetrics } from './track-metrics.js';

const track = (id: string, keyframes: TrackKeyframe[]): TrackAnnotation => ({ id, kind: 'track', label: 'car', keyframes });
const at = (frame: number, x: number, extra: Partial<TrackKeyframe> = {}): TrackKeyframe => ({ frame, x, y: 0, width: 10, height: 10, ...extra });

describe('trackMetrics', () => {
  it('is perfect for identical tracks', () => {
    const gt = [track('g1', [at(0, 0), at(9, 90)]), track('g2', [at(0, 200), at(9, 200)])];
    const r = trackMetrics(gt, gt.map((t) => ({ ...t, id: `h-${t.id}` })));
    expect(r).toMatchObject({ mota: 1, idf1: 1, idSwitches: 0, fp: 0, fn: 0, matches: 20, objects: 20, identity: { g1: 'h-g1', g2: 'h-g2' } });
    expect(r.motp).toBe(1);
  });

  it('counts an identity switch, misses and false positives (hand-worked example)', () => {
    // One object over frames 0–9. Hypothesis h1 follows it on 0–4 and then leaves; h2 picks it up on
    // 5–9. A stray h3 sits far away on frames 0–1. Ground truth present 10 frames.
    const gt = [track('g', [at(0, 0), at(9, 0)])];
    const hyp = [
      track('h1', [at(0, 0), at(4, 0), at(5, 0, { outside: true })]),
      track('h2', [at(5, 1), at(9, 1)]),
      track('h3', [at(0, 500), at(1, 500), at(2, 500, { outside: true })]),
    ];
    const r = trackMetrics(gt, hyp);
    expect(r).toMatchObject({ objects: 10, hypotheses: 12, matches: 10, fn: 0, fp: 2, idSwitches: 1 });
    expect(r.mota).toBeCloseTo(1 - 3 / 10, 12);
    // Global identity: g ↔ h1 or h2 (5 frames each; the tie goes to h1); IDF1 = 2·5 / (10 + 12).
    expect(r.idtp).toBe(5);
    expect(r.idf1).toBeCloseTo(10 / 22, 12);
  });

  it('keeps the previous match while its IoU holds (CLEAR-MOT), rather than the best new one', () => {
    // h1 follows g exactly at first, then drifts (IoU 0.54 at frame 3); h2 sits exactly on g from frame 2.
    const gt = [track('g', [at(0, 0), at(3, 0)])];
    const hyp = [track('h1', [at(0, 0), at(1, 0), at(3, 3)]), track('h2', [at(2, 0), at(3, 0)])];
    const r = trackMetrics(gt, hyp);
    expect(r.idSwitches).toBe(0);
    expect(r.fp).toBe(2);
    // Not clamped: more errors than objects gives a negative MOTA.
    const noisy = trackMetrics(gt, [...hyp, track('h3', [at(0, 900), at(3, 900)]), track('h4', [at(0, 700), at(3, 700)])]);
    expect(noisy.mota).toBeCloseTo(1 - 10 / 4, 12);
    expect(trackMetrics([], []).mota).toBeNaN();
  });
});
