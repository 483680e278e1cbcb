/**
 * Snapping a time to the nearest zero crossing of the waveform, so a cut made there does not click.
 */

/**
 * The time of the zero crossing nearest to `time` within `±window` seconds, or `time` itself when there
 * is none. A crossing is between samples `i` and `i + 1` whose signs differ (or a sample that is
 * exactly 0); its time is the linear interpolation of where the signal crosses zero.
 */
export function snapToZeroCrossing(samples: ArrayLike<number>, sampleRate: number, time: number, window = 0.01): number {
  const n = samples.length;
  if (n < 2 || sampleRate <= 0) return time;
  const center = time * sampleRate;
  const lo = Math.max(0, Math.floor(center - window * sampleRate));
  const hi = Math.min(n - 1, Math.ceil(center + window * sampleRate));
  let best = NaN;
  let bestDist = Infinity;
  for (let i = lo; i < hi; i++) {
    const a = samples[i]!;
    const b = samples[i + 1]!;
    let at: number;
    if (a === 0) at = i;
    else if ((a < 0 && b >= 0) || (a > 0 && b <= 0)) at = i + a / (a - b);
    else continue;
    const d = Math.abs(at - center);
    if (d < bestDist) {
      bestDist = d;
      best = at;
    }
  }
  if (Number.isNaN(best) || bestDist > window * sampleRate) return time;
  return best / sampleRate;
}
