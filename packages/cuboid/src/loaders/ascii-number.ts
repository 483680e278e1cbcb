// Numbers of ASCII PCD and PLY bodies, read straight from the file's bytes (the body is never decoded
// as text). The result is exactly what `parseFloat` gives for the same characters.

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const MAX_EXACT_DIGITS = 15;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The characters of `bytes[start, end)` (ASCII, one char per byte). */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i += 8192) s += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, Math.min(end, i + 8192))));
  return s;
}

/** `nan`, `inf` or `infinity` in any case, at `bytes[i, end)`. */
function special(bytes: Uint8Array, i: number, end: number): number | undefined {
  const word = latin1(bytes, i, end).toLowerCase();
  if (word === 'nan') return NaN;
  if (word === 'inf' || word === 'infinity') return Infinity;
  return undefined;
}

/**
 * Parses the token `bytes[start, end)` as a decimal number (`[+-]digits[.digits][(e|E)[+-]digits]`, or
 * `nan` / `inf` / `infinity` in any case, as C's `strtod` and PCL write them) to the double `parseFloat`
 * would give; `undefined` when the token is not such a number. Up to 15 significant digits and powers
 * of ten up to 22 are computed exactly (one correctly rounded multiplication or division); anything
 * else goes through `parseFloat`.
 */
export function parseAsciiNumber(bytes: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  let negative = false;
  let c = bytes[i];
  if (c === 45 || c === 43) {
    negative = c === 45;
    i++;
  }
  if (i >= end) return undefined;
  c = bytes[i]!;
  if (!isDigit(c) && c !== 46) {
    const v = special(bytes, i, end);
    return v === undefined ? undefined : negative ? -v : v;
  }
  let mantissa = 0;
  let digits = 0;
  let exponent = 0;
  let sawDigit = false;
  let exact = true;
  for (; i < end && isDigit((c = bytes[i]!)); i++) {
    sawDigit = true;
    if (digits === 0 && c === 48) continue;
    if (digits < MAX_EXACT_DIGITS) mantissa = mantissa * 10 + (c - 48);
    else exact = false;
    digits++;
  }
  if (i < end && bytes[i] === 46) {
    for (i++; i < end && isDigit((c = bytes[i]!)); i++) {
      sawDigit = true;
      if (digits === 0 && c === 48) {
        exponent--;
        continue;
      }
      if (digits < MAX_EXACT_DIGITS) {
        mantissa = mantissa * 10 + (c - 48);
        exponent--;
      } else exact = false;
      digits++;
    }
  }
  if (!sawDigit) return undefined;
  if (i < end && (bytes[i] === 101 || bytes[i] === 69)) {
    i++;
    let expNegative = false;
    if (i < end && (bytes[i] === 45 || bytes[i] === 43)) expNegative = bytes[i++] === 45;
    if (i >= end || !isDigit(bytes[i]!)) return undefined;
    let e = 0;
    for (; i < end && isDigit((c = bytes[i]!)); i++) if (e < 100_000) e = e * 10 + (c - 48);
    exponent += expNegative ? -e : e;
  }
  if (i !== end) return undefined;
  let value: number;
  if (mantissa === 0 && exact) value = 0;
  else if (exact && exponent >= 0 && exponent <= 22) value = mantissa * POW10[exponent]!;
  else if (exact && exponent < 0 && exponent >= -22) value = mantissa / POW10[-exponent]!;
  else return parseFloat(latin1(bytes, start, end));
  return negative ? -value : value;
}

/**
 * Parses an integer token (`[+-]digits`) exactly, also past 2^53 (through BigInt), returned modulo 2^32
 * as a uint32 (a C cast of the value); `undefined` when the token is not an integer.
 */
export function parseAsciiUint32(bytes: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  if (bytes[i] === 45 || bytes[i] === 43) i++;
  if (i >= end) return undefined;
  let v = 0;
  for (let j = i; j < end; j++) {
    const c = bytes[j]!;
    if (!isDigit(c)) return undefined;
    v = v * 10 + (c - 48);
  }
  if (v <= Number.MAX_SAFE_INTEGER) return (bytes[start] === 45 ? -v : v) >>> 0;
  return Number(BigInt.asUintN(32, BigInt(latin1(bytes, start, end))));
}
