/**
 * Fractional indices: strings that sort (by plain `<`) in z-order, so a new place between two others is
 * always found without renumbering anyone. A key is the digits after the point of a fraction in base 62
 * (`0-9A-Za-z`, in code-unit order), never ending in `0`; the empty string is 0 and `null` stands for 1.
 * After Evan Wallace's "Realtime editing of ordered sequences" and rocicorp's fractional-indexing.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

const digit = (c: string | undefined): number => (c === undefined ? 0 : DIGITS.indexOf(c));

/** True when `key` is a usable index: made of the digits, not empty, no trailing `0`. */
export function isFractionalIndex(key: unknown): key is string {
  if (typeof key !== 'string' || key.length === 0 || key.endsWith('0')) return false;
  for (const c of key) if (DIGITS.indexOf(c) < 0) return false;
  return true;
}

/**
 * A key strictly between `a` and `b` (`null`: before everything / after everything). Appending (`b`
 * null) steps the first digit that can grow, so keys lengthen by one digit per ~31 appends, not ~6.
 */
export function keyBetween(a: string | null, b: string | null): string {
  const lo = a ?? '';
  if (b !== null && lo >= b) throw new Error(`keyBetween: "${lo}" is not below "${b}"`);
  return midpoint(lo, b, true);
}

/** `append`: step up instead of halving when `b` is null (see {@link keyBetween}). */
function midpoint(a: string, b: string | null, append: boolean): string {
  if (b !== null) {
    // The common prefix (a padded with zeros) stays; find the place between the rest.
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n), append);
  }
  const da = digit(a[0]);
  if (b === null && append && a !== '') {
    // One digit up when it fits (the result is above a, and below 1); else keep a's first digit, go deeper.
    return da + 1 < BASE ? DIGITS[da + 1]! : DIGITS[da]! + midpoint(a.slice(1), null, append);
  }
  const db = b === null ? BASE : digit(b[0]);
  if (db - da > 1) return DIGITS[Math.round((da + db) / 2)]!;
  // Adjacent first digits: b's first digit alone is between when b has more digits; else go deeper under a.
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[da]! + midpoint(a.slice(1), null, append);
}

/** `count` keys in increasing order strictly between `a` and `b`, spread so they stay short. */
export function keysBetween(a: string | null, b: string | null, count: number): string[] {
  if (count <= 0) return [];
  const lo = a ?? '';
  if (b !== null && lo >= b) throw new Error(`keysBetween: "${lo}" is not below "${b}"`);
  const mid = midpoint(lo, b, false);
  if (count === 1) return [mid];
  const left = Math.floor((count - 1) / 2);
  return [...keysBetween(a, mid, left), mid, ...keysBetween(mid, b, count - 1 - left)];
}
