import { describe, expect, it } from 'vitest';
import { MAX_WINDOW_FRAMES, windowToRead } from './use-sample-window.js';

describe('windowToRead', () => {
  const v = (pxPerUnit: number, scrollStart: number) => ({ length: 10_800, width: 1000, pxPerUnit, scrollStart });

  it('reads nothing while the peaks are as fine as the pixels', () => {
    // 20 buckets a second; 10 px/s at DPR 2 is 20 device columns a second: peaks suffice.
    expect(windowToRead(v(10, 0), 2, 20, 48_000, null)).toBeNull();
    expect(windowToRead(v(10.5, 0), 2, 20, 16_000, null)).not.toBeNull();
  });

  it('reads the visible stretch and as much again on each side, clamped to the file', () => {
    // 1000 px at 100 px/s: 10 s visible from 5,000 s.
    expect(windowToRead(v(100, 5000), 1, 20, 16_000, null)).toEqual({ from: 4990, to: 5020 });
    expect(windowToRead(v(100, 2), 1, 20, 16_000, null)).toEqual({ from: 0, to: 22 });
    expect(windowToRead(v(100, 10_790), 1, 20, 16_000, null)).toEqual({ from: 10_780, to: 10_800 });
  });

  it('keeps within the frame budget: smaller margins, then nothing when the view alone is too long', () => {
    // 30 s visible at 48 kHz: 1.44 M frames; margins only up to the 2 M budget.
    const w = windowToRead(v(1000 / 30, 5000), 1, 20, 48_000, null)!;
    expect((w.to - w.from) * 48_000).toBeCloseTo(MAX_WINDOW_FRAMES, -1);
    expect(w.from).toBeLessThan(5000);
    // 50 s visible at 48 kHz: 2.4 M frames, over budget.
    expect(windowToRead(v(20, 5000), 1, 10, 48_000, null)).toBeNull();
  });

  it('reads nothing while the window it has covers the view', () => {
    expect(windowToRead(v(100, 5000), 1, 20, 16_000, { from: 4990, to: 5020 })).toBeNull();
    expect(windowToRead(v(100, 5015), 1, 20, 16_000, { from: 4990, to: 5020 })).toEqual({ from: 5005, to: 5035 });
  });
});
