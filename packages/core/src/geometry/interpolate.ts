import type { AttributeValue, TrackKeyframe } from '../annotation.js';

/** A track's box at one frame, as {@link interpolateTrack} computes it. */
export interface TrackFrame {
  /** The frame asked for. */
  frame: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Degrees clockwise on screen; 0 when the keyframes have none. */
  rotation: number;
  /** Copied from the keyframe at or before this frame (occlusion is a state, not interpolated). */
  occluded: boolean;
  /**
   * Always `false`: a frame where the object is not present gives `null` instead, so callers have
   * one check to make. Kept so the result reads like a {@link TrackKeyframe}.
   */
  outside: boolean;
  /** True when a keyframe sits exactly at this frame. */
  keyframe: boolean;
}

/** Index of the last keyframe with `frame <= f`, or -1 (binary search; keyframes are sorted). */
function lastAtOrBefore(keyframes: readonly TrackKeyframe[], f: number): number {
  let lo = 0;
  let hi = keyframes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((keyframes[mid] as TrackKeyframe).frame <= f) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Wraps an angle in degrees into [0, 360). */
function wrapDegrees(deg: number): number {
  const r = deg % 360;
  return r < 0 ? r + 360 : r === 0 ? 0 : r;
}

/**
 * The box of a track at `frame`, or `null` when the object is not present there.
 *
 * - Keyframes must be sorted by frame and unique (as the annotation model requires).
 * - Before the first keyframe: `null`.
 * - On a keyframe: that keyframe's values (rotation as written), `keyframe: true` — or `null` if
 *   it is marked `outside`.
 * - Between two keyframes: position and size linear in the frame; rotation interpolated the short
 *   way round (350° → 10° passes 0°) and wrapped into [0, 360); `occluded` from the earlier one.
 *   If the earlier keyframe is `outside`, the object is absent until the next keyframe: `null`.
 * - After the last keyframe: the last keyframe persists, unless it is `outside`.
 */
export function interpolateTrack(keyframes: readonly TrackKeyframe[], frame: number): TrackFrame | null {
  const i = lastAtOrBefore(keyframes, frame);
  if (i < 0) return null;
  const a = keyframes[i] as TrackKeyframe;
  if (a.outside === true) return null;
  const next = keyframes[i + 1];
  if (a.frame === frame || next === undefined) {
    return {
      frame,
      x: a.x,
      y: a.y,
      width: a.width,
      height: a.height,
      rotation: a.rotation ?? 0,
      occluded: a.occluded === true,
      outside: false,
      keyframe: a.frame === frame,
    };
  }
  const t = (frame - a.frame) / (next.frame - a.frame);
  const lerp = (p: number, q: number): number => p + (q - p) * t;
  const ra = a.rotation ?? 0;
  // Shortest signed difference in (-180, 180].
  let delta = wrapDegrees((next.rotation ?? 0) - ra);
  if (delta > 180) delta -= 360;
  return {
    frame,
    x: lerp(a.x, next.x),
    y: lerp(a.y, next.y),
    width: lerp(a.width, next.width),
    height: lerp(a.height, next.height),
    rotation: wrapDegrees(ra + delta * t),
    occluded: a.occluded === true,
    outside: false,
    keyframe: false,
  };
}

/**
 * The attribute values of a track in effect at `frame`: the track's own `attributes`, overridden by
 * each keyframe's `attributes` at or before `frame` in order (a keyframe's value holds until a later
 * keyframe sets that attribute again). Defined on every frame, present or not.
 */
export function trackAttributesAt(
  track: { attributes?: Record<string, AttributeValue>; keyframes: readonly TrackKeyframe[] },
  frame: number,
): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = { ...track.attributes };
  const last = lastAtOrBefore(track.keyframes, frame);
  for (let i = 0; i <= last; i++) Object.assign(out, (track.keyframes[i] as TrackKeyframe).attributes);
  return out;
}
