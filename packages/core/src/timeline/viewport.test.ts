import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampTimeline, fitTimeline, positionToX, revealSpan, resizeTimeline, scrollTimelineBy, timelineZoomLimits, visibleSpan, xToPosition, zoomTimelineAt } from './viewport.js';

describe('timeline viewport', () => {
  it('fits the whole timeline and maps positions to pixels both ways', () => {
    const v = fitTimeline(10, 1000);
    expect(v.pxPerUnit).toBe(100);
    expect(positionToX(v, 2.5)).toBe(250);
    expect(xToPosition(v, 250)).toBe(2.5);
    expect(visibleSpan(v)).toEqual({ start: 0, end: 10 });
  });

  it('limits zoom from the whole timeline to the deepest zoom, capped by a scroll width only when given one', () => {
    expect(timelineZoomLimits(10, 1000, 128000)).toEqual({ min: 100, max: 128000 });
    expect(timelineZoomLimits(10800, 1280, 128000).max).toBe(128000);
    // Laid out as one element: 10800 * 128000 px would be too wide, so the cap wins.
    const l = timelineZoomLimits(10800, 1280, 128000, 16_000_000);
    expect(l.max * 10800).toBeCloseTo(16_000_000);
    // Never below the whole-timeline zoom.
    expect(timelineZoomLimits(10, 1000, 50)).toEqual({ min: 100, max: 100 });
  });

  it('keeps the anchor position fixed while zooming', () => {
    const limits = timelineZoomLimits(100, 1000, 8000);
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 5, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 10, max: 1e4, noNaN: true }), (factor, x, ppu) => {
        const v = clampTimeline({ length: 100, width: 1000, pxPerUnit: ppu, scrollStart: 30 }, limits);
        const z = zoomTimelineAt(v, factor, x, limits);
        expect(z.pxPerUnit).toBeGreaterThanOrEqual(limits.min);
        expect(z.pxPerUnit).toBeLessThanOrEqual(limits.max);
        expect(z.scrollStart).toBeGreaterThanOrEqual(0);
        expect(z.scrollStart + z.width / z.pxPerUnit).toBeLessThanOrEqual(100 + 1e-9);
        // Unless clamped at an edge, the position under x stays under x.
        const clampedAtEdge = z.scrollStart === 0 || Math.abs(z.scrollStart + z.width / z.pxPerUnit - 100) < 1e-9;
        if (!clampedAtEdge) expect(xToPosition(z, x)).toBeCloseTo(xToPosition(v, x), 6);
      }),
    );
  });

  it('scrolls within the timeline and reveals a span', () => {
    const v = { length: 100, width: 1000, pxPerUnit: 100, scrollStart: 0 };
    expect(scrollTimelineBy(v, 500).scrollStart).toBe(5);
    expect(scrollTimelineBy(v, -500).scrollStart).toBe(0);
    expect(scrollTimelineBy(v, 1e9).scrollStart).toBe(90);
    const r = revealSpan(v, 40, 41);
    expect(r.scrollStart).toBeCloseTo(41 + 0.24 - 10);
    expect(revealSpan(r, 35, 36).scrollStart).toBe(r.scrollStart);
    expect(revealSpan(r, 30, 31).scrollStart).toBeCloseTo(30 - 0.24);
  });

  it('keeps fitting the whole timeline when resized, else keeps the zoom', () => {
    const limits = timelineZoomLimits(100, 1000, 8000);
    expect(resizeTimeline(fitTimeline(100, 1000), 500, limits)).toEqual(fitTimeline(100, 500));
    const zoomed = { length: 100, width: 1000, pxPerUnit: 200, scrollStart: 10 };
    expect(resizeTimeline(zoomed, 500, limits)).toEqual({ ...zoomed, width: 500 });
  });
});
