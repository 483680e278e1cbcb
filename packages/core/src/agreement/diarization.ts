import type { SegmentAnnotation } from '../annotation.js';
import { optimalAssignment } from './assignment.js';

/** A speaker turn: `[start, end)` in seconds and who speaks (`label` of a segment annotation). */
export type SpeakerTurn = Pick<SegmentAnnotation, 'start' | 'end' | 'label'>;

/** Options of {@link diarizationErrorRate}. */
export interface DiarizationOptions {
  /**
   * Seconds not scored on each side of every reference turn boundary (NIST md-eval's collar;
   * md-eval's own default is 0.25, pyannote's 0). Default 0.
   */
  collar?: number;
}

/** What {@link diarizationErrorRate} finds; all durations in seconds of speaker time. */
export interface DiarizationError {
  /** `(missed + falseAlarm + confusion) / total`; `NaN` when no reference speech is scored. */
  der: number;
  /** Reference speech without enough hypothesis speakers. */
  missed: number;
  /** Hypothesis speech beyond the reference speakers. */
  falseAlarm: number;
  /** Speech given to the wrong speaker, after the optimal speaker mapping. */
  confusion: number;
  /** Scored reference speaker time (the denominator). */
  total: number;
  /** The optimal mapping, reference speaker → hypothesis speaker. */
  mapping: Record<string, string>;
}

/**
 * Diarization error rate of `hypothesis` against `reference` speaker turns, as NIST's md-eval
 * scores it: the timeline is cut at every turn boundary; in each piece, with `R` reference and `H`
 * hypothesis speakers talking (each speaker counted once however many of its turns overlap) and
 * `C` of the reference speakers talking through their mapped hypothesis speaker, `max(0, R − H)`
 * is missed, `max(0, H − R)` false alarm and `min(R, H) − C` confusion, times the piece's length.
 * Speakers are mapped one-to-one to maximise the time they talk together (Hungarian method).
 * Time within `collar` seconds of a reference boundary is not scored. Channels are not read.
 */
export function diarizationErrorRate(
  reference: readonly SpeakerTurn[],
  hypothesis: readonly SpeakerTurn[],
  options: DiarizationOptions = {},
): DiarizationError {
  const collar = options.collar ?? 0;
  // Unscored zones, merged.
  const zones = reference
    .flatMap((t) => [t.start, t.end])
    .map((b) => [b - collar, b + collar] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const z of zones) {
    const last = merged[merged.length - 1];
    if (last && z[0] <= last[1]) last[1] = Math.max(last[1], z[1]);
    else merged.push([z[0], z[1]]);
  }
  const cuts = new Set<number>();
  for (const t of [...reference, ...hypothesis]) {
    cuts.add(t.start);
    cuts.add(t.end);
  }
  for (const [s, e] of merged) {
    cuts.add(s);
    cuts.add(e);
  }
  const times = [...cuts].sort((x, y) => x - y);
  const refSpeakers = [...new Set(reference.map((t) => t.label))].sort();
  const hypSpeakers = [...new Set(hypothesis.map((t) => t.label))].sort();
  const speaking = (turns: readonly SpeakerTurn[], t0: number, t1: number): Set<string> => {
    const out = new Set<string>();
    for (const t of turns) if (t.start <= t0 && t.end >= t1 && t.end > t.start) out.add(t.label);
    return out;
  };
  const pieces: { duration: number; ref: Set<string>; hyp: Set<string> }[] = [];
  let z = 0;
  for (let k = 0; k + 1 < times.length; k++) {
    const t0 = times[k] as number;
    const t1 = times[k + 1] as number;
    if (!(t1 > t0)) continue;
    const mid = (t0 + t1) / 2;
    while (z < merged.length && (merged[z] as [number, number])[1] <= mid) z++;
    const zone = merged[z];
    if (zone && zone[0] <= mid && mid < zone[1]) continue;
    pieces.push({ duration: t1 - t0, ref: speaking(reference, t0, t1), hyp: speaking(hypothesis, t0, t1) });
  }
  // Co-speaking time of each reference/hypothesis speaker pair, over the scored pieces.
  const overlap = refSpeakers.map(() => new Array<number>(hypSpeakers.length).fill(0));
  for (const p of pieces) {
    refSpeakers.forEach((r, i) => {
      if (!p.ref.has(r)) return;
      hypSpeakers.forEach((h, j) => {
        if (p.hyp.has(h)) (overlap[i] as number[])[j] = ((overlap[i] as number[])[j] as number) + p.duration;
      });
    });
  }
  const mapping: Record<string, string> = {};
  for (const q of optimalAssignment(overlap).pairs) mapping[refSpeakers[q.i] as string] = hypSpeakers[q.j] as string;
  let missed = 0;
  let falseAlarm = 0;
  let confusion = 0;
  let total = 0;
  for (const p of pieces) {
    const r = p.ref.size;
    const h = p.hyp.size;
    let correct = 0;
    for (const s of p.ref) {
      const m = mapping[s];
      if (m !== undefined && p.hyp.has(m)) correct++;
    }
    total += p.duration * r;
    missed += p.duration * Math.max(0, r - h);
    falseAlarm += p.duration * Math.max(0, h - r);
    confusion += p.duration * (Math.min(r, h) - correct);
  }
  return { der: total > 0 ? (missed + falseAlarm + confusion) / total : NaN, missed, falseAlarm, confusion, total, mapping };
}
