/** Time display for rulers, announcements and inputs. */

/** `seconds` as `m:ss.mmm` (or `h:mm:ss.mmm` past an hour); `digits` decimals (default 3). */
export function formatTime(seconds: number, digits = 3): string {
  const neg = seconds < 0;
  let s = Math.abs(seconds);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  let sec = s.toFixed(digits);
  if (Number(sec) >= 60) sec = (0).toFixed(digits);
  const ss = sec.padStart(digits > 0 ? 3 + digits : 2, '0');
  const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
  return neg ? `-${body}` : body;
}

/** A "nice" ruler tick step (1, 2, 5 × 10^k seconds) so ticks are at least `minPx` pixels apart. */
export function tickStep(pxPerSec: number, minPx = 80): number {
  const raw = minPx / pxPerSec;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}
