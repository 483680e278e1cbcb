import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPeaksPyramid, computePeaks, peaksForRange, peaksFromArrays, peaksFromChannels } from './peaks.js';

describe('computePeaks', () => {
  it('takes min and max per bucket, last bucket shorter', () => {
    const p = computePeaks([0, 0.5, -0.25, 1, -1], 2);
    expect([...p.min]).toEqual([0, -0.25, -1]);
    expect([...p.max]).toEqual([0.5, 1, -1]);
  });
});

describe('peaksFromArrays', () => {
  it('mirrors magnitude-only peaks and keeps signed samples', () => {
    const mag = peaksFromArrays([[0.2, 0.8]], 2);
    expect(mag.rate).toBe(1);
    expect([...mag.channels[0]!.min]).toEqual([Math.fround(-0.2), Math.fround(-0.8)]);
    const signed = peaksFromArrays([[0.5, -0.5]], 1);
    expect([...signed.channels[0]!.min]).toEqual([0, -0.5]);
    expect([...signed.channels[0]!.max]).toEqual([0.5, 0]);
  });
});

describe('buildPeaksPyramid / peaksForRange', () => {
  it('halves each level and keeps the envelope', () => {
    const samples = Float32Array.from({ length: 4096 }, (_, i) => Math.sin(i / 7) * (i / 4096));
    const py = buildPeaksPyramid(peaksFromChannels([samples], 4096, 4096), 1, 64);
    expect(py.levels.map((l) => l.channels[0]!.min.length)).toEqual([4096, 2048, 1024, 512, 256, 128, 64]);
    const top = py.levels.at(-1)!.channels[0]!;
    expect(Math.max(...top.max)).toBeCloseTo(Math.max(...samples), 6);
    expect(Math.min(...top.min)).toBeCloseTo(Math.min(...samples), 6);
  });

  it('gives the true min/max of each column at any zoom (vs. brute force)', () => {
    const rate = 1000;
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 10, maxLength: 3000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        (raw, f0, f1, cols) => {
          const samples = Float32Array.from(raw);
          const duration = samples.length / rate;
          const py = buildPeaksPyramid(peaksFromChannels([samples], rate, rate), duration, 4);
          const from = f0 * duration * 0.9;
          const to = Math.min(duration, from + f1 * duration);
          if (to <= from) return;
          const got = peaksForRange(py, 0, from, to, cols);
          const spc = (to - from) / cols;
          for (let c = 0; c < cols; c++) {
            // The column's envelope must contain every sample inside it ...
            const s0 = Math.ceil((from + c * spc) * rate);
            const s1 = Math.floor((from + (c + 1) * spc) * rate);
            for (let s = s0; s < s1 && s < samples.length; s++) {
              expect(got.min[c]!).toBeLessThanOrEqual(samples[s]!);
              expect(got.max[c]!).toBeGreaterThanOrEqual(samples[s]!);
            }
            // ... and not reach beyond one coarse bucket either side of it.
            const level = py.levels.find((l) => 1 / l.rate > spc) ? py.levels[Math.max(0, py.levels.findIndex((l) => 1 / l.rate > spc) - 1)]! : py.levels.at(-1)!;
            const bucket = 1 / level.rate;
            const lo = Math.max(0, Math.floor((from + c * spc - bucket) * rate));
            const hi = Math.min(samples.length, Math.ceil((from + (c + 1) * spc + bucket) * rate));
            let bmin = Infinity;
            let bmax = -Infinity;
            for (let s = lo; s < hi; s++) {
              bmin = Math.min(bmin, samples[s]!);
              bmax = Math.max(bmax, samples[s]!);
            }
            expect(got.min[c]!).toBeGreaterThanOrEqual(bmin);
            expect(got.max[c]!).toBeLessThanOrEqual(bmax);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('leaves columns outside the audio empty', () => {
    const py = buildPeaksPyramid(peaksFromChannels([new Float32Array(100).fill(0.5)], 100, 100), 1);
    const got = peaksForRange(py, 0, -1, 1, 4);
    expect(Number.isNaN(got.max[0]!)).toBe(true);
    expect(got.max[3]).toBeCloseTo(0.5);
  });
});
