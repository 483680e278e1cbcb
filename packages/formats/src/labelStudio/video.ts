/**
 * Label Studio `videorectangle` results ↔ labelkit `track`s. Label Studio numbers frames from 1 and
 * gives boxes in percent of the video frame; a keyframe with `enabled: false` is the last frame the
 * object is shown (`isInLifespan` in its frontend), so labelkit puts `outside` one frame later.
 */
import { interpolateTrack, type TrackAnnotation, type TrackKeyframe } from '@labelkit/core';
import type { FormatLoss } from '../dataset.js';
import { isFiniteNumber, isRecord, type IssueList } from '../shared/issues.js';
import { boxToPercent, percentToBox } from './rect.js';

type Json = Record<string, unknown>;

/** One entry of a `videorectangle` value's `sequence`. */
interface SequenceEntry {
  frame: number;
  enabled: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: number;
  time?: number;
}

/**
 * The keyframes of a `videorectangle` sequence (at `path`), in pixels of a `W`×`H` frame; undefined
 * (with issues) when it is malformed. `frameCount` keeps an `outside` keyframe inside the video.
 */
export function readSequence(sequence: unknown, path: string, W: number, H: number, frameCount: number | undefined, issues: IssueList): TrackKeyframe[] | undefined {
  if (!Array.isArray(sequence) || sequence.length === 0) {
    issues.add(`${path}.sequence`, 'expected a non-empty array of keyframes');
    return undefined;
  }
  const before = issues.issues.length;
  const entries: SequenceEntry[] = [];
  sequence.forEach((s: unknown, i) => {
    const at = `${path}.sequence[${i}]`;
    if (!isRecord(s)) return issues.add(at, 'expected a keyframe object');
    if (!isFiniteNumber(s.frame) || !Number.isInteger(s.frame) || s.frame < 1) return issues.add(`${at}.frame`, `expected an integer frame >= 1 (Label Studio frames are 1-based), got ${String(s.frame)}`);
    for (const k of ['x', 'y', 'width', 'height']) if (!isFiniteNumber(s[k])) return issues.add(`${at}.${k}`, `expected a number, got ${String(s[k])}`);
    if (s.width === 0 || s.height === 0) return issues.add(at, 'a box of zero width or height');
    entries.push({ frame: s.frame, enabled: s.enabled !== false, x: s.x as number, y: s.y as number, width: s.width as number, height: s.height as number, rotation: isFiniteNumber(s.rotation) ? s.rotation : 0 });
  });
  entries.sort((a, b) => a.frame - b.frame);
  for (let k = 1; k < entries.length; k++) if (entries[k]!.frame === entries[k - 1]!.frame) issues.add(`${path}.sequence`, `two keyframes on frame ${entries[k]!.frame}`);
  if (issues.issues.length > before) return undefined;
  const keyframes: TrackKeyframe[] = [];
  entries.forEach((e, k) => {
    const box = percentToBox(e, W, H);
    keyframes.push({ frame: e.frame - 1, ...box });
    const gone = e.frame; // 0-based frame after this one
    const next = entries[k + 1];
    if (!e.enabled && (next === undefined || next.frame - 1 > gone) && (frameCount === undefined || gone < frameCount)) keyframes.push({ frame: gone, ...box, outside: true });
  });
  return keyframes;
}

/** The frame rate Label Studio used for a sequence's `time`s (`time = frame / fps`), if they agree on one. */
export function sequenceFps(sequence: unknown): number | undefined {
  if (!Array.isArray(sequence)) return undefined;
  const rates = sequence.filter((s): s is Json => isRecord(s) && isFiniteNumber(s.time) && (s.time as number) > 0 && isFiniteNumber(s.frame)).map((s) => (s.frame as number) / (s.time as number));
  if (!rates.length) return undefined;
  const fps = rates[0]!;
  return rates.every((r) => Math.abs(r - fps) <= 1e-6 * fps) ? Math.round(fps * 1e6) / 1e6 : undefined;
}

/**
 * A track as a `videorectangle` sequence in percent of a `W`×`H` frame: each present keyframe with
 * `enabled: true` at `frame + 1`; an `outside` keyframe as `enabled: false` on the frame before it (the
 * box there, interpolated if need be). Outside keyframes where the object is already absent say nothing.
 */
export function writeSequence(a: TrackAnnotation, path: string, W: number, H: number, fps: number | undefined, losses: FormatLoss[]): Json[] {
  const kfs = a.keyframes;
  const seq: Json[] = [];
  const entry = (frame0: number, box: TrackKeyframe | NonNullable<ReturnType<typeof interpolateTrack>>, enabled: boolean): Json => ({
    frame: frame0 + 1,
    enabled,
    ...boxToPercent(box, W, H),
    ...(fps !== undefined ? { time: (frame0 + 1) / fps } : {}),
  });
  kfs.forEach((k, n) => {
    if (k.occluded && !k.outside) losses.push({ path: `${path}.keyframes[${n}].occluded`, message: 'Label Studio video boxes have no occluded flag' });
    if (k.attributes && Object.keys(k.attributes).length) losses.push({ path: `${path}.keyframes[${n}].attributes`, message: `Label Studio video boxes have no attributes that change over time; ${Object.keys(k.attributes).join(', ')} not exported` });
    if (!k.outside) return void seq.push(entry(k.frame, k, true));
    const before = k.frame > 0 ? interpolateTrack(kfs, k.frame - 1) : null;
    if (!before) return;
    const last = seq[seq.length - 1];
    if (last && last.frame === k.frame) last.enabled = false;
    else seq.push(entry(k.frame - 1, before, false));
  });
  const turns = kfs.some((k, n) => n > 0 && !kfs[n - 1]!.outside && (k.rotation ?? 0) !== (kfs[n - 1]!.rotation ?? 0));
  if (turns) losses.push({ path: `${path}.keyframes`, message: 'the rotation changes between keyframes: Label Studio interpolates a rotated box about its corner, labelkit about its centre, so the frames in between differ' });
  return seq;
}
