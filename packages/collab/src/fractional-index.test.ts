import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFractionalIndex, keyBetween, keysBetween } from './fractional-index.js';

describe('fractional index', () => {
  it('finds a valid key strictly between any two keys, and before and after them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 60 }), (steps) => {
        const keys: string[] = [keyBetween(null, null)];
        for (const [at, before] of steps) {
          const i = at % keys.length;
          const lo = before ? (keys[i - 1] ?? null) : keys[i]!;
          const hi = before ? keys[i]! : (keys[i + 1] ?? null);
          const k = keyBetween(lo, hi);
          expect(isFractionalIndex(k)).toBe(true);
          if (lo !== null) expect(k > lo).toBe(true);
          if (hi !== null) expect(k < hi).toBe(true);
          keys.splice(before ? i : i + 1, 0, k);
        }
      }),
    );
  });

  it('keeps keys short when appending and when spreading many at once', () => {
    let last: string | null = null;
    for (let i = 0; i < 1000; i++) last = keyBetween(last, null);
    expect(last!.length).toBeLessThanOrEqual(40); // one digit per ~31 appends
    const many = keysBetween(null, null, 10_000);
    expect(new Set(many).size).toBe(10_000);
    expect([...many].sort()).toEqual(many);
    expect(Math.max(...many.map((k) => k.length))).toBeLessThanOrEqual(6);
  });

  it('refuses bounds out of order', () => {
    expect(() => keyBetween('b', 'a')).toThrow(/not below/);
  });
});
