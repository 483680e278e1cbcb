import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_ELEMENT_WIDTH, PX_PER_SAMPLE, clampViewport, fitViewport, revealRange, scrollBy, timeToX, visibleRange, xToTime, zoomAt, zoomLimits } from './viewport.js';

describe('viewport', () => {
  it('fits the whole file and maps time to pixels both ways', () => {
    const v = fitViewport(10, 1000);
    expect(v.pxPerSec).toBe(100);
    expect(timeToX(v, 2.5)).toBe(250);
    expect(xToTime(v, 250)).toBe(2.5);
    expect(visibleRange(v)).toEqual({ start: 0, end: 10 });
  });

  it('limits zoom from whole file to sample level, capped by a scroll width only when given one', () => {
    expect(zoomLimits(10, 1000, 16000 * PX_PER_SAMPLE)).toEqual({ min: 100, max: 128000 });
    // 3 hours on the track canvas: sample level all the same.
    expect(zoomLimits(10800, 1280, 16000 * PX_PER_SAMPLE).max).toBe(128000);
    // Laid out as one element (the spectrogram's view): 10800 * 128000 px would be too wide, so the cap wins.
    const l = zoomLimits(10800, 1280, 16000 * PX_PER_SAMPLE, MAX_ELEMENT_WIDTH);
    expect(l.max * 10800).toBeCloseTo(MAX_ELEMENT_WIDTH);
    // Never below the whole-file zoom.
    expect(zoomLimits(10, 1000, 50)).toEqual({ min: 100, max: 100 });
  });

  it('keeps the anchor time fixed while zooming', () => {
    const limits = zoomLimits(100, 1000, 8000);
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 5, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 10, max: 1e4, noNaN: true }), (factor, x, pps) => {
        const v = clampViewport({ duration: 100, width: 1000, pxPerSec: pps, scrollTime: 30 }, limits);
        const z = zoomAt(v, factor, x, limits);
        expect(z.pxPerSec).toBeGreaterThanOrEqual(limits.min);
        expect(z.pxPerSec).toBeLessThanOrEqual(limits.max);
        expect(z.scrollTime).toBeGreaterThanOrEqual(0);
        expect(z.scrollTime + z.width / z.pxPerSec).toBeLessThanOrEqual(100 + 1e-9);
        // Unless clamped at an edge, the time under x stays under x.
        const clampedAtEdge = z.scrollTime === 0 || Math.abs(z.scrollTime + z.width / z.pxPerSec - 100) < 1e-9;
        if (!clampedAtEdge) expect(xToTime(z, x)).toBeCloseTo(xToTime(v, x), 6);
      }),
    );
  });

  it('scrolls within the file and reveals a range', () => {
    const v = { duration: 100, width: 1000, pxPerSec: 100, scrollTime: 0 };
    expect(scrollBy(v, 500).scrollTime).toBe(5);
    expect(scrollBy(v, -500).scrollTime).toBe(0);
    expect(scrollBy(v, 1e9).scrollTime).toBe(90);
    const r = revealRange(v, 40, 41);
    expect(r.scrollTime).toBeCloseTo(41 + 0.24 - 10);
    expect(revealRange(r, 35, 36).scrollTime).toBe(r.scrollTime);
    expect(revealRange(r, 30, 31).scrollTime).toBeCloseTo(30 - 0.24);
  });
});
