/**
 * Peaks: min/max envelopes of audio for drawing a waveform without touching every sample. A
 * {@link PeaksPyramid} keeps the envelope at halving resolutions (like image mipmaps), so the
 * visible range of a 3-hour file is reduced to one min/max pair per pixel column in O(columns).
 */

/** A min/max envelope of one channel at a fixed number of buckets per second. */
export interface ChannelPeaks {
  /** Smallest sample value in each bucket, in [-1, 1]. */
  min: Float32Array;
  /** Largest sample value in each bucket, in [-1, 1]. */
  max: Float32Array;
}

/** Peaks of every channel at one resolution. */
export interface Peaks {
  /** Buckets per second of audio. */
  rate: number;
  /** One envelope per channel. */
  channels: ChannelPeaks[];
}

/**
 * Min/max envelope of `samples` with `bucketSize` samples per bucket (the last bucket may be
 * shorter). An empty input gives empty arrays.
 */
export function computePeaks(samples: ArrayLike<number>, bucketSize: number): ChannelPeaks {
  const size = Math.max(1, Math.floor(bucketSize));
  const count = Math.ceil(samples.length / size);
  const min = new Float32Array(count);
  const max = new Float32Array(count);
  for (let b = 0; b < count; b++) {
    let lo = Infinity;
    let hi = -Infinity;
    const end = Math.min(samples.length, (b + 1) * size);
    for (let i = b * size; i < end; i++) {
      const v = samples[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    min[b] = lo;
    max[b] = hi;
  }
  return { min, max };
}

/**
 * Reads wavesurfer-style peaks (one array per channel; a value per bucket whose magnitude is the
 * bucket's peak, as `exportPeaks` gives) as symmetric min/max envelopes at `length / duration`
 * buckets per second.
 */
export function peaksFromArrays(arrays: ReadonlyArray<ArrayLike<number>>, duration: number): Peaks {
  const len = arrays[0]?.length ?? 0;
  const channels = arrays.map((a) => {
    const min = new Float32Array(a.length);
    const max = new Float32Array(a.length);
    let hasNegative = false;
    for (let i = 0; i < a.length; i++) if (a[i]! < 0) hasNegative = true;
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      // Signed data (real samples) keeps its sign; magnitude-only peaks are mirrored.
      min[i] = hasNegative ? Math.min(0, v) : -Math.abs(v);
      max[i] = hasNegative ? Math.max(0, v) : Math.abs(v);
    }
    return { min, max };
  });
  return { rate: duration > 0 ? len / duration : 0, channels };
}

/** One level of a {@link PeaksPyramid}: peaks at `rate` buckets per second. */
export type PeaksLevel = Peaks;

/** Peaks at halving resolutions: `levels[0]` is the finest, each next level has half its buckets. */
export interface PeaksPyramid {
  /** Duration covered, seconds. */
  duration: number;
  /** Number of channels. */
  channelCount: number;
  /** Finest first; the coarsest has at most `minBuckets` buckets. */
  levels: PeaksLevel[];
}

/** Builds a {@link PeaksPyramid} from the finest peaks, halving until at most `minBuckets` remain (default 512). */
export function buildPeaksPyramid(finest: Peaks, duration: number, minBuckets = 512): PeaksPyramid {
  const levels: PeaksLevel[] = [finest];
  let cur = finest;
  while ((cur.channels[0]?.min.length ?? 0) > minBuckets) {
    const next: Peaks = {
      rate: cur.rate / 2,
      channels: cur.channels.map(({ min, max }) => {
        const n = Math.ceil(min.length / 2);
        const nmin = new Float32Array(n);
        const nmax = new Float32Array(n);
        for (let i = 0; i < n; i++) {
          const a = 2 * i;
          const b = Math.min(a + 1, min.length - 1);
          nmin[i] = Math.min(min[a]!, min[b]!);
          nmax[i] = Math.max(max[a]!, max[b]!);
        }
        return { min: nmin, max: nmax };
      }),
    };
    levels.push(next);
    cur = next;
  }
  return { duration, channelCount: finest.channels.length, levels };
}

/**
 * The envelope of `[from, to)` seconds of one channel in `columns` equal columns (one per pixel):
 * picks the coarsest pyramid level that still has at least one bucket per column, so the cost is
 * about `2 * columns` bucket reads whatever the zoom. Columns outside the audio are NaN.
 */
export function peaksForRange(pyramid: PeaksPyramid, channel: number, from: number, to: number, columns: number): ChannelPeaks {
  const cols = Math.max(0, Math.floor(columns));
  const min = new Float32Array(cols).fill(NaN);
  const max = new Float32Array(cols).fill(NaN);
  if (cols === 0 || to <= from) return { min, max };
  const secPerCol = (to - from) / cols;
  // Coarsest level whose bucket is no wider than a column.
  let level = pyramid.levels[0];
  for (const l of pyramid.levels) {
    if (1 / l.rate <= secPerCol) level = l;
    else break;
  }
  const ch = level?.channels[channel];
  if (!level || !ch) return { min, max };
  const n = ch.min.length;
  for (let c = 0; c < cols; c++) {
    const t0 = from + c * secPerCol;
    const t1 = t0 + secPerCol;
    if (t1 <= 0 || t0 >= pyramid.duration) continue;
    let b0 = Math.floor(Math.max(0, t0) * level.rate);
    let b1 = Math.ceil(Math.min(pyramid.duration, t1) * level.rate);
    b0 = Math.min(b0, n - 1);
    b1 = Math.max(b0 + 1, Math.min(b1, n));
    let lo = Infinity;
    let hi = -Infinity;
    for (let b = b0; b < b1; b++) {
      if (ch.min[b]! < lo) lo = ch.min[b]!;
      if (ch.max[b]! > hi) hi = ch.max[b]!;
    }
    min[c] = lo;
    max[c] = hi;
  }
  return { min, max };
}

/** Finest-level peaks of decoded audio channels at about `rate` buckets per second (default 1,000). */
export function peaksFromChannels(channels: ReadonlyArray<ArrayLike<number>>, sampleRate: number, rate = 1000): Peaks {
  const bucket = Math.max(1, Math.round(sampleRate / rate));
  return { rate: sampleRate / bucket, channels: channels.map((c) => computePeaks(c, bucket)) };
}
