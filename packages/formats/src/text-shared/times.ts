/** Writes seconds as a plain decimal (no exponent), with at least `min` and at most 9 decimals. */
export function formatSeconds(seconds: number, min = 3): string {
  let s = seconds.toFixed(9).replace(/0+$/, '');
  const dot = s.indexOf('.');
  const decimals = s.length - dot - 1;
  if (decimals < min) s += '0'.repeat(min - decimals);
  return s.endsWith('.') ? s.slice(0, -1) : s;
}
