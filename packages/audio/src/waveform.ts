/**
 * The waveform as the annotator draws it: one min/max pair per device-pixel column of the visible
 * range, from the peaks pyramid (any zoom, O(columns)) or, where a column is narrower than the finest
 * peaks bucket of decoded audio, from the samples themselves (sample-level zoom shows the real signal,
 * not stretched buckets). It is drawn on the annotator's own canvas, under the segments, so the track
 * is one layer that the compositor never has to blend (see the annotator's comments on compositing).
 */
import { visibleSpan, type TimelineViewport } from '@labelkit/core';
import { peaksForRange, type ChannelPeaks, type PeaksPyramid } from './peaks.js';

/** What a waveform is drawn from. */
export interface WaveformSource {
  /** Peaks at halving resolutions (see {@link PeaksPyramid}). */
  pyramid: PeaksPyramid;
  /**
   * Decoded samples, one array per channel, used when zoomed in past the finest peaks: the whole file,
   * or a window of it starting at `start` seconds (a long file read in windows; outside the window
   * the peaks are drawn).
   */
  samples?: { channels: ReadonlyArray<ArrayLike<number>>; sampleRate: number; start?: number } | null;
}

/**
 * The envelope of `[from, to)` seconds of one channel of `samples` (at `sampleRate`) in `columns`
 * equal columns. Each column covers the samples inside it and the signal, linearly interpolated, at
 * both its edges, so neighbouring columns always touch: zoomed in until a sample spans many columns,
 * the envelope is the line through the samples. Columns outside the audio are NaN.
 */
export function samplesForRange(samples: ArrayLike<number>, sampleRate: number, from: number, to: number, columns: number): ChannelPeaks {
  const cols = Math.max(0, Math.floor(columns));
  const min = new Float32Array(cols).fill(NaN);
  const max = new Float32Array(cols).fill(NaN);
  const n = samples.length;
  if (cols === 0 || to <= from || n === 0 || !(sampleRate > 0)) return { min, max };
  const last = n - 1;
  const at = (x: number) => {
    // x in samples; clamped to the signal.
    if (x <= 0) return samples[0]!;
    if (x >= last) return samples[last]!;
    const i = Math.floor(x);
    const f = x - i;
    return samples[i]! * (1 - f) + samples[i + 1]! * f;
  };
  const secPerCol = (to - from) / cols;
  for (let c = 0; c < cols; c++) {
    const x0 = (from + c * secPerCol) * sampleRate;
    const x1 = (from + (c + 1) * secPerCol) * sampleRate;
    if (x1 <= 0 || x0 > last) continue;
    const a = at(x0);
    const b = at(x1);
    let lo = Math.min(a, b);
    let hi = Math.max(a, b);
    const i1 = Math.min(last, Math.ceil(x1) - 1);
    for (let i = Math.max(0, Math.floor(x0) + 1); i <= i1; i++) {
      const v = samples[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    min[c] = lo;
    max[c] = hi;
  }
  return { min, max };
}

/**
 * The envelope of `[from, to)` seconds of `channel` in `columns` columns: from the decoded samples
 * when a column is narrower than a bucket of the finest peaks level (and samples exist there), else
 * from the pyramid. Columns outside the audio are NaN.
 */
export function waveformColumns(source: WaveformSource, channel: number, from: number, to: number, columns: number): ChannelPeaks {
  const finest = source.pyramid.levels[0];
  const s = source.samples;
  const data = s?.channels[channel];
  if (s && data && data.length && finest && finest.rate > 0 && (to - from) / Math.max(1, columns) < 1 / finest.rate) {
    const start = s.start ?? 0;
    const env = samplesForRange(data, s.sampleRate, from - start, to - start, columns);
    // A window of a longer file: the columns past its ends come from the peaks.
    if (start > from || start + data.length / s.sampleRate < to) {
      const peaks = peaksForRange(source.pyramid, channel, from, to, columns);
      for (let c = 0; c < env.min.length; c++) {
        if (Number.isNaN(env.min[c]!)) {
          env.min[c] = peaks.min[c]!;
          env.max[c] = peaks.max[c]!;
        }
      }
    }
    return env;
  }
  return peaksForRange(source.pyramid, channel, from, to, columns);
}

/**
 * Draws the visible waveform: each channel in its band (`bands[c]`, CSS pixels; one band for a mono
 * file), a filled min/max envelope per device pixel (`dpr` device pixels per CSS pixel), at least one
 * device pixel high so silence shows as a line. Amplitude 1 reaches the band's edges. With `span`
 * (CSS pixels from the view's left edge), only the columns in it. Leaves the context's transform as it
 * found it.
 */
export function drawWaveform(ctx: CanvasRenderingContext2D, source: WaveformSource, v: TimelineViewport, bands: readonly { top: number; height: number }[], color: string, dpr = 1, span?: { from: number; to: number }): void {
  const all = Math.max(0, Math.round(v.width * dpr));
  const first = span ? Math.max(0, Math.floor(span.from * dpr)) : 0;
  const last = span ? Math.min(all, Math.ceil(span.to * dpr)) : all;
  const cols = last - first;
  if (cols <= 0 || !(v.pxPerUnit > 0)) return;
  const secPerCol = 1 / (v.pxPerUnit * dpr);
  const start = visibleSpan(v).start + first * secPerCol;
  const end = start + cols * secPerCol;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = color;
  ctx.beginPath();
  const y0 = new Float64Array(cols);
  const y1 = new Float64Array(cols);
  for (let c = 0; c < bands.length; c++) {
    const band = bands[c]!;
    const top = Math.round(band.top * dpr);
    const bottom = Math.round((band.top + band.height) * dpr);
    if (bottom <= top) continue;
    const half = (bottom - top) / 2;
    const mid = top + half;
    const env = waveformColumns(source, Math.min(c, source.pyramid.channelCount - 1), start, end, cols);
    for (let x = 0; x < cols; x++) {
      const lo = env.min[x]!;
      const hi = env.max[x]!;
      if (Number.isNaN(lo) || Number.isNaN(hi)) {
        y0[x] = NaN;
        continue;
      }
      y0[x] = Math.max(top, Math.min(bottom - 1, Math.floor(mid - hi * half)));
      y1[x] = Math.max(y0[x]! + 1, Math.min(bottom, Math.ceil(mid - lo * half)));
    }
    // One polygon per run of columns, stepping along the tops left to right and back along the bottoms:
    // whole device pixels, so the edges are exact, and one fill rasterises far faster than a rect per column.
    for (let a = 0; a < cols; ) {
      if (Number.isNaN(y0[a]!)) {
        a++;
        continue;
      }
      let b = a;
      while (b + 1 < cols && !Number.isNaN(y0[b + 1]!)) b++;
      ctx.moveTo(first + a, y0[a]!);
      for (let x = a; x <= b; x++) {
        ctx.lineTo(first + x, y0[x]!);
        ctx.lineTo(first + x + 1, y0[x]!);
      }
      for (let x = b; x >= a; x--) {
        ctx.lineTo(first + x + 1, y1[x]!);
        ctx.lineTo(first + x, y1[x]!);
      }
      ctx.closePath();
      a = b + 1;
    }
  }
  ctx.fill();
  ctx.restore();
}
