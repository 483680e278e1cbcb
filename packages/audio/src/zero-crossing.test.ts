import { describe, expect, it } from 'vitest';
import { snapToZeroCrossing } from './zero-crossing.js';

describe('snapToZeroCrossing', () => {
  const rate = 8000;
  // 100 Hz sine: zero crossings every 5 ms.
  const sine = Float32Array.from({ length: rate }, (_, i) => Math.sin((2 * Math.PI * 100 * i) / rate));

  it('moves to the nearest crossing of a sine', () => {
    expect(snapToZeroCrossing(sine, rate, 0.0121)).toBeCloseTo(0.01, 4);
    expect(snapToZeroCrossing(sine, rate, 0.0138)).toBeCloseTo(0.015, 4);
    expect(snapToZeroCrossing(sine, rate, 0.5024)).toBeCloseTo(0.5, 4);
  });

  it('interpolates between samples', () => {
    const s = Float32Array.from([1, 1, 1, -1, -1]);
    expect(snapToZeroCrossing(s, 1, 2.2, 5)).toBeCloseTo(2.5, 9);
  });

  it('keeps the time when no crossing lies within the window', () => {
    const dc = new Float32Array(1000).fill(0.3);
    expect(snapToZeroCrossing(dc, 1000, 0.5)).toBe(0.5);
    expect(snapToZeroCrossing(sine, rate, 0.0125, 0.001)).toBe(0.0125);
  });
});
