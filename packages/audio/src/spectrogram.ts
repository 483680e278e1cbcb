/**
 * The annotator's own spectrogram, for audio it has samples of without wavesurfer having decoded it
 * (the window read of a long WAV, see use-sample-window.ts): one short-time Fourier transform per
 * device-pixel column of the visible range (Hann window, 512 samples), levels in dB mapped to a
 * colour ramp, low frequencies at the bottom. Pure; drawn into the spectrogram band of the track canvas.
 */

/** In-place radix-2 FFT of `re` + i·`im` (length a power of two). */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const tr = re[i]!;
      re[i] = re[j]!;
      re[j] = tr;
      const ti = im[i]!;
      im[i] = im[j]!;
      im[j] = ti;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k;
        const b = a + len / 2;
        const xr = re[b]! * cr - im[b]! * ci;
        const xi = re[b]! * ci + im[b]! * cr;
        re[b] = re[a]! - xr;
        im[b] = im[a]! - xi;
        re[a] = re[a]! + xr;
        im[a] = im[a]! + xi;
        const t = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = t;
      }
    }
  }
}

/** Samples to draw a spectrogram from: one channel, `start` the time of its first sample. */
export interface SpectrogramSource {
  samples: ArrayLike<number>;
  sampleRate: number;
  start: number;
}

/** Quietest and loudest level drawn, dB relative to a full-scale sine. */
const FLOOR_DB = -90;

/** Colour ramp from quiet to loud (dark blue, purple, orange, pale yellow), 256 RGB entries. */
const RAMP: Uint8Array = (() => {
  const stops = [
    [0, 8, 8, 32],
    [0.35, 84, 24, 120],
    [0.65, 214, 80, 60],
    [0.85, 250, 170, 40],
    [1, 252, 250, 200],
  ] as const;
  const out = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const x = i / 255;
    let s = 0;
    while (s < stops.length - 2 && x > stops[s + 1]![0]) s++;
    const [x0, r0, g0, b0] = stops[s]!;
    const [x1, r1, g1, b1] = stops[s + 1]!;
    const f = (x - x0) / (x1 - x0);
    out[i * 3] = Math.round(r0 + (r1 - r0) * f);
    out[i * 3 + 1] = Math.round(g0 + (g1 - g0) * f);
    out[i * 3 + 2] = Math.round(b0 + (b1 - b0) * f);
  }
  return out;
})();

/**
 * Levels (0–255) of `rows` frequency rows (row 0 the highest, up to Nyquist) for `columns` columns from
 * `from` seconds, `secPerColumn` apart, each the spectrum of `fftSize` samples centred on the column.
 * A column whose window has no samples is left at 0 and reported in `missing` (its index set to 1).
 */
export function spectrogramLevels(src: SpectrogramSource, from: number, secPerColumn: number, columns: number, rows: number, fftSize = 512): { levels: Uint8Array; missing: Uint8Array } {
  const levels = new Uint8Array(columns * rows);
  const missing = new Uint8Array(columns);
  const n = src.samples.length;
  const re = new Float64Array(fftSize);
  const im = new Float64Array(fftSize);
  const hann = new Float64Array(fftSize);
  for (let i = 0; i < fftSize; i++) hann[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (fftSize - 1));
  // A full-scale sine through the Hann window peaks at fftSize / 4 in magnitude: that is 0 dB.
  const ref = fftSize / 4;
  const bins = fftSize / 2;
  const power = new Float64Array(bins);
  // Row r covers bins [rowFrom[r], rowTo[r]): the loudest of them is drawn, so narrow tones stay visible however few rows there are.
  const rowFrom = new Int32Array(rows);
  const rowTo = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    rowFrom[r] = Math.floor(((rows - 1 - r) / rows) * bins);
    rowTo[r] = Math.max(rowFrom[r]! + 1, Math.floor(((rows - r) / rows) * bins));
  }
  const refPower = ref * ref;
  // Columns closer together than an eighth of the window (zoomed in) share a transform: the window is
  // 512 samples wide anyway, so nothing finer would show.
  const hop = fftSize / 8;
  let lastCentre = -Infinity;
  for (let c = 0; c < columns; c++) {
    const centre = Math.round((from + (c + 0.5) * secPerColumn - src.start) * src.sampleRate);
    const first = centre - fftSize / 2;
    if (first + fftSize <= 0 || first >= n) {
      missing[c] = 1;
      lastCentre = -Infinity;
      continue;
    }
    if (centre - lastCentre < hop) {
      levels.copyWithin(c * rows, (c - 1) * rows, c * rows);
      continue;
    }
    lastCentre = centre;
    for (let i = 0; i < fftSize; i++) {
      const k = first + i;
      re[i] = k >= 0 && k < n ? src.samples[k]! * hann[i]! : 0;
      im[i] = 0;
    }
    fft(re, im);
    for (let b = 0; b < bins; b++) power[b] = re[b]! * re[b]! + im[b]! * im[b]!;
    for (let r = 0; r < rows; r++) {
      let peak = 0;
      for (let b = rowFrom[r]!; b < rowTo[r]!; b++) if (power[b]! > peak) peak = power[b]!;
      // One logarithm per row, not per bin.
      const db = 10 * Math.log10(peak / refPower + 1e-24);
      levels[c * rows + r] = Math.max(0, Math.min(255, Math.round(((db - FLOOR_DB) / -FLOOR_DB) * 255)));
    }
  }
  return { levels, missing };
}

/** RGBA pixels (`columns` × `rows`, row-major from the top) of levels from {@link spectrogramLevels}; missing columns transparent. */
export function spectrogramPixels(levels: Uint8Array, missing: Uint8Array, columns: number, rows: number): Uint8ClampedArray<ArrayBuffer> {
  const px = new Uint8ClampedArray(new ArrayBuffer(columns * rows * 4));
  for (let c = 0; c < columns; c++) {
    if (missing[c]) continue;
    for (let r = 0; r < rows; r++) {
      const v = levels[c * rows + r]!;
      const o = (r * columns + c) * 4;
      px[o] = RAMP[v * 3]!;
      px[o + 1] = RAMP[v * 3 + 1]!;
      px[o + 2] = RAMP[v * 3 + 2]!;
      px[o + 3] = 255;
    }
  }
  return px;
}
