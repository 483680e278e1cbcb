import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitView, imageToScreen, panBy, screenToImage, zoomAt, actualSizeView, visibleImageRect } from './viewport.js';

describe('viewport', () => {
  it('maps screen to image at zoom 1 and after zoom/pan', () => {
    expect(screenToImage({ zoom: 1, x: 0, y: 0 }, [10, 10])).toEqual([10, 10]);
    const v = { zoom: 2, x: 100, y: 50 };
    expect(screenToImage(v, [120, 70])).toEqual([10, 10]);
    expect(imageToScreen(v, [10, 10])).toEqual([120, 70]);
  });

  it('zooms about the anchor: the image point under the pointer stays put', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 0.5, max: 2, noNaN: true }), fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 600 }), (z, f, ax, ay) => {
        const v = { zoom: z, x: 13, y: -7 };
        const before = screenToImage(v, [ax, ay]);
        const after = screenToImage(zoomAt(v, f, [ax, ay]), [ax, ay]);
        expect(after[0]).toBeCloseTo(before[0], 6);
        expect(after[1]).toBeCloseTo(before[1], 6);
      }),
    );
  });

  it('clamps zoom and pans by screen deltas', () => {
    expect(zoomAt({ zoom: 1, x: 0, y: 0 }, 1e6, [0, 0]).zoom).toBe(64);
    expect(panBy({ zoom: 2, x: 1, y: 2 }, 10, -5)).toEqual({ zoom: 2, x: 11, y: -3 });
  });

  it('fits and centres the image; 1:1 keeps the centre point', () => {
    const v = fitView({ width: 640, height: 425 }, { width: 800, height: 600 }, 0);
    expect(v.zoom).toBeCloseTo(1.25);
    expect(v.x).toBeCloseTo(0);
    expect(v.y).toBeCloseTo((600 - 425 * 1.25) / 2);
    const one = actualSizeView(v, { width: 800, height: 600 });
    expect(one.zoom).toBe(1);
    expect(screenToImage(one, [400, 300])[0]).toBeCloseTo(screenToImage(v, [400, 300])[0]);
    expect(visibleImageRect({ zoom: 2, x: -100, y: 0 }, { width: 800, height: 600 })).toEqual({ x: 50, y: 0, width: 400, height: 300 });
  });
});
