/**
 * The bounded cache of decoded frames kept around the playhead, and the window of frames worth having
 * there. Holds anything closable (the worker keeps `ImageBitmap`s); every item that leaves is closed.
 */

/** Something holding memory that must be released by hand (an `ImageBitmap`, a `VideoFrame`). */
export interface Closable {
  close(): void;
}

/** Frames to keep around the playhead: `first`..`last`, inclusive, presentation order. */
export interface FrameWindow {
  first: number;
  last: number;
}

/** Bytes one decoded RGBA frame takes. */
export const bytesPerFrame = (width: number, height: number) => Math.max(1, width * height * 4);

/** How many frames fit in `cacheBytes` (at least 2, so a step back and forth can both be hits). */
export function cacheCapacity(cacheBytes: number, width: number, height: number): number {
  return Math.max(2, Math.floor(cacheBytes / bytesPerFrame(width, height)));
}

/**
 * The window around frame `focus`, `size` frames long, leaning in the direction of travel (two thirds
 * ahead, one third behind), clipped to the video.
 */
export function windowAround(focus: number, direction: 1 | -1, size: number, frameCount: number): FrameWindow {
  const span = Math.max(1, Math.min(size, frameCount));
  const ahead = Math.floor(((span - 1) * 2) / 3);
  const behind = span - 1 - ahead;
  let first = direction > 0 ? focus - behind : focus - ahead;
  first = Math.max(0, Math.min(first, frameCount - span));
  return { first, last: first + span - 1 };
}

/** A map from frame index to a decoded frame, never over `capacity`, evicting the farthest from the focus. */
export class FrameCache<T extends Closable> {
  private readonly items = new Map<number, T>();
  private focus = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`frame cache: capacity must be at least 1, got ${capacity}`);
  }

  get size(): number {
    return this.items.size;
  }

  has(frame: number): boolean {
    return this.items.has(frame);
  }

  get(frame: number): T | undefined {
    return this.items.get(frame);
  }

  /** The frame eviction measures distance from (the last one requested). */
  setFocus(frame: number): void {
    this.focus = frame;
  }

  /**
   * Keeps `item` as frame `frame` (closing one already there), then evicts the frames farthest from
   * the focus until the cache fits. Returns whether `item` itself was kept.
   */
  put(frame: number, item: T): boolean {
    const old = this.items.get(frame);
    if (old && old !== item) old.close();
    this.items.set(frame, item);
    while (this.items.size > this.capacity) {
      let farthest = frame;
      let distance = -1;
      for (const f of this.items.keys()) {
        const d = Math.abs(f - this.focus);
        if (d > distance) [farthest, distance] = [f, d];
      }
      this.items.get(farthest)!.close();
      this.items.delete(farthest);
    }
    return this.items.get(frame) === item;
  }

  /** The frames of `window` not in the cache, in order. */
  missing(window: FrameWindow): number[] {
    const out: number[] = [];
    for (let f = window.first; f <= window.last; f++) if (!this.items.has(f)) out.push(f);
    return out;
  }

  /** Closes and forgets every frame. */
  clear(): void {
    for (const item of this.items.values()) item.close();
    this.items.clear();
  }
}
