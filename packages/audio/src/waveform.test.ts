import { describe, expect, it } from 'vitest';
import { buildPeaksPyramid, peaksForRange, peaksFromChannels } from './peaks.js';
import { samplesForRange, waveformColumns } from './waveform.js';

describe('samplesForRange', () => {
  it('zoomed out, each column spans its samples and the signal at its edges (so it reaches the next one)', () => {
    const s = Float32Array.from([0, 0.5, -0.25, 0.75, 0.4, 0.1, 0.2, 0.3, -0.5]);
    // 8 Hz, 2 columns of 4 samples each; the second column's right edge is sample 8.
    const env = samplesForRange(s, 8, 0, 1, 2);
    expect([env.min[0], env.max[0]]).toEqual([-0.25, 0.75]);
    expect(env.min[1]).toBe(-0.5);
    expect(env.max[1]).toBeCloseTo(0.4, 6);
  });

  it('zoomed in past the samples, follows the straight line between them (columns touch, nothing is stepped)', () => {
    const s = Float32Array.from([0, 1, 0]);
    // 1 Hz samples; 4 columns per second between t = 0 and t = 2.
    const env = samplesForRange(s, 1, 0, 2, 8);
    const lo = [...env.min];
    const hi = [...env.max];
    expect(lo.slice(0, 4)).toEqual([0, 0.25, 0.5, 0.75]);
    expect(hi.slice(0, 4)).toEqual([0.25, 0.5, 0.75, 1]);
    expect(lo.slice(4)).toEqual([0.75, 0.5, 0.25, 0]);
    for (let c = 1; c < 8; c++) expect(Math.max(lo[c]!, lo[c - 1]!)).toBeLessThanOrEqual(Math.min(hi[c]!, hi[c - 1]!));
  });

  it('leaves columns outside the audio empty (NaN)', () => {
    const env = samplesForRange(new Float32Array([0.5, 0.5]), 2, -1, 2, 3);
    expect(Number.isNaN(env.min[0]!)).toBe(true);
    expect(env.max[1]).toBe(0.5);
    expect(Number.isNaN(env.max[2]!)).toBe(true);
  });
});

describe('waveformColumns', () => {
  const rate = 8000;
  const samples = Float32Array.from({ length: rate }, (_, i) => Math.sin((2 * Math.PI * 50 * i) / rate));
  const pyramid = buildPeaksPyramid(peaksFromChannels([samples], rate, 1000), 1);

  it('reads the peaks pyramid while a column holds at least one finest bucket', () => {
    const env = waveformColumns({ pyramid, samples: { channels: [samples], sampleRate: rate } }, 0, 0, 1, 500);
    const ref = peaksForRange(pyramid, 0, 0, 1, 500);
    expect([...env.min]).toEqual([...ref.min]);
    expect([...env.max]).toEqual([...ref.max]);
  });

  it('reads the samples when zoomed in past the finest bucket, and the pyramid when there are none', () => {
    // 0.01 s in 400 columns: 25 µs a column, finer than the 1 ms buckets.
    const fine = waveformColumns({ pyramid, samples: { channels: [samples], sampleRate: rate } }, 0, 0.1, 0.11, 400);
    expect([...fine.max]).toEqual([...samplesForRange(samples, rate, 0.1, 0.11, 400).max]);
    const peaksOnly = waveformColumns({ pyramid }, 0, 0.1, 0.11, 400);
    expect([...peaksOnly.max]).toEqual([...peaksForRange(pyramid, 0, 0.1, 0.11, 400).max]);
    // The bucketed envelope is flat over a bucket; the samples are not.
    expect(new Set(peaksOnly.max.slice(0, 40)).size).toBeLessThan(new Set(fine.max.slice(0, 40)).size);
  });
  it('reads a window of samples where it has one, and the peaks beside it', () => {
    // The samples of [0.1, 0.105) only, as a long file read in windows would hold them.
    const first = Math.round(0.1 * rate);
    const win = samples.slice(first, first + 40);
    const from = 0.095;
    const to = 0.11;
    const cols = 600; // 25 µs a column: finer than the 1 ms buckets
    const env = waveformColumns({ pyramid, samples: { channels: [win], sampleRate: rate, start: first / rate } }, 0, from, to, cols);
    const full = samplesForRange(samples, rate, from, to, cols);
    const peaks = peaksForRange(pyramid, 0, from, to, cols);
    // Inside the window (well clear of its edges): the samples, as if the whole file were decoded.
    for (let c = 220; c < 380; c++) {
      expect(env.min[c]).toBeCloseTo(full.min[c]!, 6);
      expect(env.max[c]).toBeCloseTo(full.max[c]!, 6);
    }
    // Before and after it: the peaks, not gaps.
    for (const c of [0, 100, 199, 401, 500, 599]) {
      expect(env.min[c]).toBe(peaks.min[c]);
      expect(env.max[c]).toBe(peaks.max[c]);
    }
  });
});
