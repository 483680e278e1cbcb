import { describe, expect, it } from 'vitest';
import { cacheCapacity, FrameCache, windowAround } from './frame-cache.js';

class Bitmap {
  closed = false;
  constructor(readonly frame: number) {}
  close() {
    this.closed = true;
  }
}

describe('frame cache', () => {
  it('never holds more than its capacity, evicts the frames farthest from the focus and closes them', () => {
    const cache = new FrameCache<Bitmap>(3);
    const made = [10, 11, 12, 13, 9].map((f) => new Bitmap(f));
    cache.setFocus(11);
    for (const b of made.slice(0, 4)) cache.put(b.frame, b);
    expect(cache.size).toBe(3);
    expect(made[3]!.closed).toBe(true); // 13 is 2 from 11, farther than 10 and 12
    cache.setFocus(10);
    expect(cache.put(9, made[4]!)).toBe(true);
    expect([9, 10, 11].every((f) => cache.has(f))).toBe(true);
    expect(made[2]!.closed).toBe(true);
    expect(cache.missing({ first: 8, last: 12 })).toEqual([8, 12]);
    cache.clear();
    expect(made.every((b) => b.closed)).toBe(true);
  });

  it('closes the frame a new one replaces, and says when a frame put was evicted at once', () => {
    const cache = new FrameCache<Bitmap>(1);
    const a = new Bitmap(5);
    const b = new Bitmap(5);
    cache.put(5, a);
    cache.put(5, b);
    expect(a.closed).toBe(true);
    expect(cache.put(9, new Bitmap(9))).toBe(false);
    expect(cache.get(5)).toBe(b);
  });

  it('sizes itself from a memory bound', () => {
    expect(cacheCapacity(256 * 2 ** 20, 1280, 720)).toBe(72);
    expect(cacheCapacity(1, 1280, 720)).toBe(2);
  });

  it('leans its window the way the playhead moves, inside the video', () => {
    expect(windowAround(50, 1, 10, 100)).toEqual({ first: 47, last: 56 });
    expect(windowAround(50, -1, 10, 100)).toEqual({ first: 44, last: 53 });
    expect(windowAround(1, -1, 10, 100)).toEqual({ first: 0, last: 9 });
    expect(windowAround(98, 1, 10, 100)).toEqual({ first: 90, last: 99 });
    expect(windowAround(2, 1, 10, 4)).toEqual({ first: 0, last: 3 });
  });
});
