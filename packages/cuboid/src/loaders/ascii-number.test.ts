import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseAsciiNumber, parseAsciiUint32 } from './ascii-number.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const parse = (s: string) => parseAsciiNumber(bytes(s), 0, s.length);

describe('parseAsciiNumber gives what parseFloat gives', () => {
  test('for every way JavaScript and C print doubles and floats', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true }), fc.float({ noNaN: true }).map(Number), fc.integer({ min: -1e9, max: 1e9 }).map((i) => i / 1000)), fc.integer({ min: 1, max: 21 }), (v, digits) => {
        for (const s of [String(v), v.toExponential(Math.min(digits, 20)), v.toPrecision(digits), Math.abs(v) < 1e21 ? v.toFixed(Math.min(digits, 20)) : String(v)]) {
          expect(Object.is(parse(s), parseFloat(s)), s).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('for random digit strings', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[+-]?(\d{1,25}(\.\d{0,25})?|\.\d{1,25})([eE][+-]?\d{1,3})?$/), (s) => {
        expect(Object.is(parse(s), parseFloat(s)), s).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test('nan and inf as C writes them', () => {
    expect(parse('nan')).toBeNaN();
    expect(parse('-nan')).toBeNaN();
    expect(parse('NaN')).toBeNaN();
    expect(parse('inf')).toBe(Infinity);
    expect(parse('-Infinity')).toBe(-Infinity);
  });

  test('anything else is not a number', () => {
    for (const s of ['', '-', '.', 'e5', '1e', '1e+', '1.2.3', '--1', '0x10', '1,5', 'nanx', '12a']) expect(parse(s), s).toBeUndefined();
  });
});

test('parseAsciiUint32 wraps as a C cast, also past 2^53', () => {
  const u = (s: string) => parseAsciiUint32(bytes(s), 0, s.length);
  expect(u('-1')).toBe(4294967295);
  expect(u('4294967296')).toBe(0);
  expect(u('18446744073709551615')).toBe(4294967295);
  expect(u('+7')).toBe(7);
  expect(u('1.0')).toBeUndefined();
  expect(u('')).toBeUndefined();
});
