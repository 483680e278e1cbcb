/**
 * The frame index of a video: its own samples, read from the container, put in presentation order.
 * Pure logic (no DOM, no decoder), so it runs and is tested in Node on demuxed real files.
 *
 * Frame `n` is the `n`-th sample in presentation order (0-based), never `currentTime × fps`: B-frames
 * (stored out of presentation order), a variable frame rate and a first timestamp other than 0 all fall
 * out of sorting the container's own presentation timestamps.
 */

/** One packet (encoded sample) of the video track as the container stores it, in decode order. */
export interface PacketEntry {
  /** Presentation timestamp, seconds on the file's media timeline. */
  timestamp: number;
  /** Whether the container marks the packet as a key packet (decodable on its own). */
  key: boolean;
}

/** A video's frames in presentation order, and where each sits in decode order. */
export interface FrameIndex {
  /** Number of frames (samples) in the video track. */
  frameCount: number;
  /** One per frame, strictly increasing: each frame's presentation time, seconds on the media timeline. */
  timestamps: readonly number[];
  /** Mean frame rate: frames per second over the span from the first frame's timestamp to the last's. */
  fps: number;
  /** For frame `n`, its packet's position in decode order. */
  decodeIndexOfFrame: readonly number[];
  /** For the packet at decode position `d`, the frame (presentation index) it holds. */
  frameOfDecodeIndex: readonly number[];
  /** For frame `n`, the decode position of the key packet that decoding must start at to show it. */
  startKeyOfFrame: readonly number[];
}

/**
 * Builds the index from a track's packets in decode order.
 * @throws Error when there are no packets, no key packet before a frame, or two packets share a timestamp
 *   (then which decoded frame is which cannot be told).
 */
export function buildFrameIndex(packets: readonly PacketEntry[]): FrameIndex {
  const count = packets.length;
  if (count === 0) throw new Error('frame index: the video track has no packets');
  const order = packets.map((_, d) => d).sort((a, b) => packets[a]!.timestamp - packets[b]!.timestamp);
  const timestamps = order.map((d) => packets[d]!.timestamp);
  for (let n = 1; n < count; n++) {
    if (!(timestamps[n]! > timestamps[n - 1]!)) {
      throw new Error(`frame index: frames ${n - 1} and ${n} share the timestamp ${timestamps[n]} s; each frame needs its own`);
    }
  }
  const frameOfDecodeIndex = new Array<number>(count);
  order.forEach((d, n) => (frameOfDecodeIndex[d] = n));

  // The key packet each frame's decoding starts at: the last key packet at or before it in decode
  // order whose own time is not after the frame's. A frame shown before its group's key packet (a
  // leading picture of an open GOP) may refer to the group before, so it starts one key earlier.
  const keys: number[] = [];
  packets.forEach((p, d) => p.key && keys.push(d));
  const startKeyOfFrame = new Array<number>(count);
  let k = -1;
  for (let d = 0; d < count; d++) {
    while (k + 1 < keys.length && keys[k + 1]! <= d) k++;
    let j = k;
    while (j >= 0 && packets[keys[j]!]!.timestamp > packets[d]!.timestamp) j--;
    if (j < 0) throw new Error(`frame index: frame ${frameOfDecodeIndex[d]} (at ${packets[d]!.timestamp} s) has no key packet before it to decode from`);
    startKeyOfFrame[frameOfDecodeIndex[d]!] = keys[j]!;
  }
  const span = timestamps[count - 1]! - timestamps[0]!;
  return {
    frameCount: count,
    timestamps,
    fps: count > 1 ? (count - 1) / span : 0,
    decodeIndexOfFrame: order,
    frameOfDecodeIndex,
    startKeyOfFrame,
  };
}

/**
 * The frame on screen at media time `t` (seconds): the last frame whose timestamp is at or before `t`
 * (within `epsilon`), or -1 before the first frame. The last frame stays on screen after its timestamp.
 */
export function frameAtTime(index: FrameIndex, t: number, epsilon = 1e-6): number {
  const ts = index.timestamps;
  let lo = 0;
  let hi = ts.length - 1;
  if (t + epsilon < ts[0]!) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ts[mid]! <= t + epsilon) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The frame whose timestamp is `t` (seconds), allowing for rounding: the nearest frame when it lies
 * within a quarter of the gap to its neighbours (a decoder's microsecond timestamps, an element's
 * `mediaTime`), else -1.
 */
export function frameWithTimestamp(index: FrameIndex, t: number): number {
  const ts = index.timestamps;
  const at = Math.max(0, frameAtTime(index, t));
  let best = at;
  if (at + 1 < ts.length && Math.abs(ts[at + 1]! - t) < Math.abs(ts[at]! - t)) best = at + 1;
  const gap = Math.min(best > 0 ? ts[best]! - ts[best - 1]! : Infinity, best + 1 < ts.length ? ts[best + 1]! - ts[best]! : Infinity);
  const tolerance = Number.isFinite(gap) ? gap / 4 : 1e-3;
  return Math.abs(ts[best]! - t) <= tolerance ? best : -1;
}

/** How long frame `n` stays on screen, seconds (the last frame: the mean frame duration). */
export function frameDuration(index: FrameIndex, n: number): number {
  const ts = index.timestamps;
  if (n + 1 < ts.length) return ts[n + 1]! - ts[n]!;
  return index.fps > 0 ? 1 / index.fps : 0;
}

/** The middle of frame `n`'s time on screen, seconds on the media timeline: where to seek to show it. */
export function frameCentre(index: FrameIndex, n: number): number {
  return index.timestamps[n]! + frameDuration(index, n) / 2;
}

/** A stretch of packets, in decode order, to feed a decoder from a key packet. */
export interface DecodeRun {
  /** Decode position of the first packet (a key packet). */
  start: number;
  /** Decode position of the last packet, inclusive. */
  end: number;
}

/**
 * The packets to decode to get frames `first`..`last` (presentation order, inclusive): from the
 * earliest key packet any of them needs up to the last of their own packets in decode order.
 */
export function decodeRunFor(index: FrameIndex, first: number, last: number): DecodeRun {
  let start = Infinity;
  let end = -1;
  for (let n = first; n <= last; n++) {
    start = Math.min(start, index.startKeyOfFrame[n]!);
    end = Math.max(end, index.decodeIndexOfFrame[n]!);
  }
  return { start, end };
}

/**
 * Whether frame `n` comes out right from a run that starts at decode position `runStart`: its own start
 * key is inside the run (so every picture it refers to was decoded first).
 */
export function isDecodableFrom(index: FrameIndex, n: number, runStart: number): boolean {
  return index.startKeyOfFrame[n]! >= runStart && index.decodeIndexOfFrame[n]! >= runStart;
}
