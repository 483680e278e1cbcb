import { describe, expect, it } from 'vitest';
import { fft, spectrogramLevels, spectrogramPixels } from './spectrogram.js';

describe('fft', () => {
  it('matches the direct DFT', () => {
    const n = 16;
    const x = Array.from({ length: n }, (_, i) => Math.sin(i * 0.7) + 0.3 * Math.cos(i * 2.1));
    const re = Float64Array.from(x);
    const im = new Float64Array(n);
    fft(re, im);
    for (let k = 0; k < n; k++) {
      let sr = 0;
      let si = 0;
      for (let t = 0; t < n; t++) {
        sr += x[t]! * Math.cos((-2 * Math.PI * k * t) / n);
        si += x[t]! * Math.sin((-2 * Math.PI * k * t) / n);
      }
      expect(re[k]).toBeCloseTo(sr, 9);
      expect(im[k]).toBeCloseTo(si, 9);
    }
  });
});

describe('spectrogramLevels', () => {
  const rate = 8000;
  // 1 s of a 1 kHz tone at full scale, then 1 s of silence.
  const samples = Float32Array.from({ length: 2 * rate }, (_, i) => (i < rate ? Math.sin((2 * Math.PI * 1000 * i) / rate) : 0));
  const rows = 64; // 0–4 kHz: 62.5 Hz a row, row 0 the highest

  it('puts a tone in the row of its frequency, near 0 dB, and silence at the floor', () => {
    const { levels, missing } = spectrogramLevels({ samples, sampleRate: rate, start: 0 }, 0, 0.1, 20, rows);
    expect([...missing].every((m) => m === 0)).toBe(true);
    // Column 4 (0.4–0.5 s): the loudest row is the one holding 1 kHz (rows count down from 4 kHz).
    const col = [...levels.slice(4 * rows, 5 * rows)];
    const loudest = col.indexOf(Math.max(...col));
    expect(loudest).toBe(rows - 1 - Math.floor((1000 / 4000) * rows));
    expect(col[loudest]).toBeGreaterThan(245);
    // Far from the tone the level is well down; in the silent second everything is at the floor.
    expect(col[5]).toBeLessThan(100);
    expect(Math.max(...levels.slice(15 * rows, 16 * rows))).toBe(0);
  });

  it('reads a window of a longer file by its start time, and reports columns it has no samples for', () => {
    const win = samples.slice(rate / 2, rate); // 0.5–1.0 s of the tone
    const { levels, missing } = spectrogramLevels({ samples: win, sampleRate: rate, start: 0.5 }, 0, 0.1, 20, rows);
    expect(missing[1]).toBe(1); // 0.1–0.2 s: before the window
    expect(missing[7]).toBe(0);
    const col = [...levels.slice(7 * rows, 8 * rows)];
    expect(col.indexOf(Math.max(...col))).toBe(rows - 1 - 16);
    expect(missing[15]).toBe(1); // 1.5 s: after it
  });

  it('colours levels on a ramp from dark to light, and leaves missing columns transparent', () => {
    const levels = Uint8Array.from([0, 255, 0, 0]);
    const px = spectrogramPixels(levels, Uint8Array.from([0, 1]), 2, 2);
    // Column 0: row 0 quiet (dark), row 1 loud (light); column 1 missing.
    const lum = (o: number) => px[o]! + px[o + 1]! + px[o + 2]!;
    expect(lum(0)).toBeLessThan(100);
    expect(lum(2 * 4)).toBeGreaterThan(600);
    expect(px[4 + 3]).toBe(0);
    expect(px[3]).toBe(255);
  });
});
