import type { TrackAnnotation } from '../annotation.js';
import { boxIoU } from '../geometry/box.js';
import { interpolateTrack } from '../geometry/interpolate.js';

/** Options of {@link trackIoU}. */
export interface TrackIoUOptions {
  /**
   * Frames in the video. A track is present after its last keyframe until the video ends (unless
   * that keyframe is `outside`), so without it the last frame looked at is the later of the two
   * tracks' last keyframes.
   */
  frameCount?: number;
}

/** The frames a set of tracks is scored over: 0-based `[first, last]` inclusive, or null if none. */
export function trackFrameRange(tracks: readonly TrackAnnotation[], frameCount?: number): [number, number] | null {
  let first = Infinity;
  let last = -Infinity;
  for (const t of tracks) {
    const k0 = t.keyframes[0];
    const k1 = t.keyframes[t.keyframes.length - 1];
    if (k0 === undefined || k1 === undefined) continue;
    first = Math.min(first, k0.frame);
    last = Math.max(last, k1.frame);
  }
  if (frameCount !== undefined) last = frameCount - 1;
  return first <= last ? [first, last] : null;
}

/**
 * Similarity of two box tracks, in [0, 1]: the per-frame box IoU averaged over every frame where
 * either track is present (a frame where only one is present scores 0). Presence and boxes are
 * what `interpolateTrack` gives. 0 when neither is ever present.
 */
export function trackIoU(a: TrackAnnotation, b: TrackAnnotation, options: TrackIoUOptions = {}): number {
  const range = trackFrameRange([a, b], options.frameCount);
  if (range === null) return 0;
  let sum = 0;
  let frames = 0;
  for (let f = range[0]; f <= range[1]; f++) {
    const ba = interpolateTrack(a.keyframes, f);
    const bb = interpolateTrack(b.keyframes, f);
    if (ba === null && bb === null) continue;
    frames++;
    if (ba !== null && bb !== null) sum += boxIoU(ba, bb);
  }
  return frames === 0 ? 0 : sum / frames;
}
