import { describe, expect, it } from 'vitest';
import { buildPeaksPyramid, peaksFromChannels } from './peaks.js';
import { drawWaveform } from './waveform.js';

/** A canvas of `w` × `h` CSS pixels at `dpr` device pixels per CSS pixel, and a reader of one device pixel's alpha. */
function canvas(w: number, h: number, dpr: number) {
  const c = document.createElement('canvas');
  c.width = w * dpr;
  c.height = h * dpr;
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const alpha = (x: number, y: number) => ctx.getImageData(x, y, 1, 1).data[3]!;
  const column = (x: number) => Array.from({ length: c.height }, (_, y) => alpha(x, y));
  return { ctx, alpha, column };
}

describe('drawWaveform in Chromium', () => {
  it('fills each device-pixel column exactly from max to min: crisp edges at devicePixelRatio 2', () => {
    const rate = 1000;
    // ±0.5 alternating: every column's envelope is [-0.5, 0.5].
    const samples = Float32Array.from({ length: rate }, (_, i) => (i % 2 ? 0.5 : -0.5));
    const pyramid = buildPeaksPyramid(peaksFromChannels([samples], rate, 500), 1);
    const { ctx, column } = canvas(100, 40, 2);
    drawWaveform(ctx, { pyramid }, { length: 1, width: 100, pxPerUnit: 100, scrollStart: 0 }, [{ top: 0, height: 40 }], '#000', 2);
    for (const x of [0, 57, 199]) {
      const col = column(x);
      // Band of 80 device pixels, middle 40: amplitude 0.5 reaches 20 above and below it.
      expect(col.slice(0, 20).every((a) => a === 0)).toBe(true);
      expect(col.slice(20, 60).every((a) => a === 255)).toBe(true);
      expect(col.slice(60).every((a) => a === 0)).toBe(true);
    }
  });

  it('draws each channel in its own band; silence is a one-pixel line', () => {
    const rate = 1000;
    const silent = new Float32Array(rate);
    const loud = Float32Array.from({ length: rate }, (_, i) => (i % 2 ? 1 : -1));
    const pyramid = buildPeaksPyramid(peaksFromChannels([silent, loud], rate, 500), 1);
    const { ctx, column } = canvas(50, 40, 1);
    drawWaveform(ctx, { pyramid }, { length: 1, width: 50, pxPerUnit: 50, scrollStart: 0 }, [{ top: 0, height: 20 }, { top: 20, height: 20 }], '#000', 1);
    const col = column(25);
    expect(col.slice(0, 20).filter((a) => a === 255)).toHaveLength(1);
    expect(col.slice(0, 20).filter((a) => a !== 0 && a !== 255)).toHaveLength(0);
    expect(col.slice(20, 40).every((a) => a === 255)).toBe(true);
  });

  it('draws only the columns of a span, and nothing past the end of the audio', () => {
    const rate = 1000;
    const loud = Float32Array.from({ length: rate }, (_, i) => (i % 2 ? 1 : -1));
    const pyramid = buildPeaksPyramid(peaksFromChannels([loud], rate, 500), 1);
    const { ctx, alpha } = canvas(100, 20, 1);
    // 1 s of audio over 100 px at 50 px/s: the audio ends at x = 50.
    drawWaveform(ctx, { pyramid }, { length: 1, width: 100, pxPerUnit: 50, scrollStart: 0 }, [{ top: 0, height: 20 }], '#000', 1, { from: 10, to: 30 });
    expect([alpha(9, 10), alpha(10, 10), alpha(29, 10), alpha(30, 10)]).toEqual([0, 255, 255, 0]);
    const full = canvas(100, 20, 1);
    drawWaveform(full.ctx, { pyramid }, { length: 1, width: 100, pxPerUnit: 50, scrollStart: 0 }, [{ top: 0, height: 20 }], '#000', 1);
    expect([full.alpha(49, 10), full.alpha(50, 10), full.alpha(99, 10)]).toEqual([255, 0, 0]);
  });
});
