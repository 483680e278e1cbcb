import { describe, expect, it } from 'vitest';
import { diarizationErrorRate, type SpeakerTurn } from './diarization.js';

const turn = (label: string, start: number, end: number): SpeakerTurn => ({ label, start, end });

describe('diarizationErrorRate', () => {
  it('is 0 for a hypothesis that only renames the speakers', () => {
    const ref = [turn('alice', 0, 5), turn('bob', 5, 9), turn('alice', 9, 12)];
    const hyp = [turn('s1', 0, 5), turn('s2', 5, 9), turn('s1', 9, 12)];
    const r = diarizationErrorRate(ref, hyp);
    expect(r).toMatchObject({ der: 0, missed: 0, falseAlarm: 0, confusion: 0, total: 12, mapping: { alice: 's1', bob: 's2' } });
  });

  it('splits the error into missed, false alarm and confusion (hand-worked example)', () => {
    // Reference: A 0–10, B 8–14 (2 s of overlap). Hypothesis: x 0–6, y 6–16.
    // Mapping: A↔x (6 s together) and B↔y (6 s) beat A↔y (4 s) and B↔x (0 s).
    // 0–6: R {A}, H {x}: correct. 6–8: R {A}, H {y}: 2 s confusion. 8–10: R {A,B}, H {y}: 2 s missed
    // (B is right). 10–14: R {B}, H {y}: correct. 14–16: R {}, H {y}: 2 s false alarm. Reference time 16.
    const r = diarizationErrorRate([turn('A', 0, 10), turn('B', 8, 14)], [turn('x', 0, 6), turn('y', 6, 16)]);
    expect(r.mapping).toEqual({ A: 'x', B: 'y' });
    expect(r.missed).toBeCloseTo(2, 12);
    expect(r.confusion).toBeCloseTo(2, 12);
    expect(r.falseAlarm).toBeCloseTo(2, 12);
    expect(r.total).toBeCloseTo(16, 12);
    expect(r.der).toBeCloseTo(6 / 16, 12);
  });

  it('leaves out `collar` seconds either side of each reference boundary', () => {
    // Hypothesis boundary 0.2 s late: with a 0.25 s collar the error disappears.
    const ref = [turn('A', 0, 5), turn('B', 5, 10)];
    const hyp = [turn('x', 0, 5.2), turn('y', 5.2, 10)];
    expect(diarizationErrorRate(ref, hyp).confusion).toBeCloseTo(0.2, 12);
    const r = diarizationErrorRate(ref, hyp, { collar: 0.25 });
    expect(r.der).toBe(0);
    // Scored: 0.25–4.75 and 5.25–9.75 (the collars at 0 and 10 also cut into the speech).
    expect(r.total).toBeCloseTo(9, 12);
  });

  it('counts overlapping turns of one speaker once, and is NaN with no reference speech', () => {
    const r = diarizationErrorRate([turn('A', 0, 4), turn('A', 2, 6)], [turn('x', 0, 6)]);
    expect(r.total).toBeCloseTo(6, 12);
    expect(r.der).toBe(0);
    const none = diarizationErrorRate([], [turn('x', 0, 3)]);
    expect(none.der).toBeNaN();
    expect(none.falseAlarm).toBe(3);
  });
});
