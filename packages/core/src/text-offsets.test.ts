import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  OffsetIndex,
  codePointLength,
  graphemeBoundaries,
  sliceCodePoints,
  snapToGrapheme,
  toCodePointOffset,
  toUtf16Offset,
  trimSpan,
  wordAt,
} from './text-offsets.js';

const FIREMAN = '👨🏻‍🚒'; // man + skin tone + ZWJ + fire engine: 4 code points, 7 UTF-16 units
const JAPAN = '🇯🇵'; // two regional indicators
const E_ACUTE = 'e\u0301';
const EXT_B = '𠀀';

/** Random text built from the awkward pieces, plus ASCII, RTL scripts and lone surrogates. */
const arbText = fc
  .array(
    fc.constantFrom(
      FIREMAN, JAPAN, E_ACUTE, EXT_B, 'שלום', 'مرحبا', '\r\n', ' ', 'a', 'Z', '東京', '\u00a0', '\ud800', '\udc00', '!',
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

/** A reference: code point i starts at UTF-16 index starts[i]. */
function utf16Starts(text: string): number[] {
  const starts: number[] = [];
  let i = 0;
  for (const ch of text) {
    starts.push(i);
    i += ch.length;
  }
  starts.push(i);
  return starts;
}

describe('code point / UTF-16 conversion', () => {
  it('counts astral characters once', () => {
    expect(codePointLength(FIREMAN)).toBe(4);
    expect(FIREMAN.length).toBe(7);
    expect(codePointLength(`${JAPAN}${EXT_B}\ud800`)).toBe(4);
    expect(toUtf16Offset(FIREMAN, 2)).toBe(4);
    expect(toCodePointOffset(FIREMAN, 4)).toBe(2);
  });

  it('snaps an index inside a surrogate pair down', () => {
    expect(toCodePointOffset(`a${EXT_B}b`, 2)).toBe(1);
    expect(new OffsetIndex(`a${EXT_B}b`).toCodePoint(2)).toBe(1);
  });

  it('throws RangeError out of range', () => {
    expect(() => toUtf16Offset('ab', 3)).toThrow(RangeError);
    expect(() => toUtf16Offset('ab', -1)).toThrow(RangeError);
    expect(() => toUtf16Offset(EXT_B, 1.5)).toThrow(RangeError);
    expect(() => toCodePointOffset('ab', 3)).toThrow(RangeError);
    expect(() => new OffsetIndex(EXT_B).toUtf16(2)).toThrow(/\[0, 1\]/);
    expect(() => sliceCodePoints('abc', 2, 1)).toThrow(RangeError);
  });

  it('round-trips on random text and agrees with Array.from', () => {
    fc.assert(
      fc.property(arbText, (text) => {
        const starts = utf16Starts(text);
        const n = codePointLength(text);
        expect(n).toBe(Array.from(text).length);
        const index = new OffsetIndex(text);
        expect(index.length).toBe(n);
        for (let cp = 0; cp <= n; cp++) {
          const u = toUtf16Offset(text, cp);
          expect(u).toBe(starts[cp]);
          expect(index.toUtf16(cp)).toBe(u);
          expect(toCodePointOffset(text, u)).toBe(cp);
          expect(index.toCodePoint(u)).toBe(cp);
        }
        for (let u = 0; u <= text.length; u++) {
          // Snapping down: the last code point starting at or before u.
          const expected = starts.filter((s) => s <= u).length - 1;
          expect(toCodePointOffset(text, u)).toBe(expected);
          expect(index.toCodePoint(u)).toBe(expected);
        }
      }),
    );
  });

  it('slices like Array.from(text).slice', () => {
    fc.assert(
      fc.property(arbText, fc.nat(), fc.nat(), (text, x, y) => {
        const n = codePointLength(text);
        const [s, e] = [x % (n + 1), y % (n + 1)].sort((p, q) => p - q) as [number, number];
        const want = Array.from(text).slice(s, e).join('');
        expect(sliceCodePoints(text, s, e)).toBe(want);
        expect(new OffsetIndex(text).slice(s, e)).toBe(want);
      }),
    );
  });

  it('indexes a book-length text', () => {
    const text = `Chapter ${FIREMAN} ${EXT_B} `.repeat(50_000); // ~1 MB of UTF-16
    const index = new OffsetIndex(text);
    const perRepeat = codePointLength(`Chapter ${FIREMAN} ${EXT_B} `);
    const cp = perRepeat * 40_000 + 8;
    expect(index.toUtf16(cp)).toBe(toUtf16Offset(text, cp));
    expect(index.slice(cp, cp + 4)).toBe(FIREMAN);
    expect(index.toCodePoint(index.toUtf16(cp))).toBe(cp);
  });
});

describe('graphemes', () => {
  it('keeps clusters whole', () => {
    expect(graphemeBoundaries(`${FIREMAN}${JAPAN}${E_ACUTE}\r\n`)).toEqual([0, 4, 6, 8, 10]);
    expect(snapToGrapheme(FIREMAN, 2, 'backward')).toBe(0);
    expect(snapToGrapheme(FIREMAN, 2, 'forward')).toBe(4);
    expect(snapToGrapheme(`x${JAPAN}`, 2, 'forward')).toBe(3);
    expect(snapToGrapheme(`x${E_ACUTE}y`, 3, 'backward')).toBe(3);
    expect(snapToGrapheme('a\r\nb', 2, 'backward')).toBe(1);
  });

  it('always lands on a boundary, in the right direction, and leaves boundaries alone', () => {
    fc.assert(
      fc.property(arbText, fc.nat(), (text, x) => {
        const bounds = graphemeBoundaries(text);
        expect(bounds.at(-1)).toBe(codePointLength(text));
        const cp = x % (codePointLength(text) + 1);
        const back = snapToGrapheme(text, cp, 'backward');
        const fwd = snapToGrapheme(text, cp, 'forward');
        expect(bounds).toContain(back);
        expect(bounds).toContain(fwd);
        expect(back).toBeLessThanOrEqual(cp);
        expect(fwd).toBeGreaterThanOrEqual(cp);
        if (bounds.includes(cp)) expect([back, fwd]).toEqual([cp, cp]);
        else expect(bounds.filter((b) => b > back && b < fwd)).toEqual([]);
      }),
    );
  });
});

describe('wordAt', () => {
  it('finds words in code points after emoji, flags and CRLF', () => {
    const s = `${FIREMAN} firemen drive firetrucks`;
    expect(wordAt(s, 22)).toEqual({ start: 19, end: 29, text: 'firetrucks' });
    expect(wordAt(s, 29)).toEqual({ start: 19, end: 29, text: 'firetrucks' });
    expect(wordAt(`${JAPAN} Tokyo`, 3)).toEqual({ start: 3, end: 8, text: 'Tokyo' });
    expect(wordAt('a\r\nBerlin', 5)).toEqual({ start: 3, end: 9, text: 'Berlin' });
    expect(wordAt(`${EXT_B}x ok`, 3)).toEqual({ start: 3, end: 5, text: 'ok' });
    expect(wordAt('שלום עולם', 6)).toEqual({ start: 5, end: 9, text: 'עולם' });
  });

  it('returns null away from words', () => {
    expect(wordAt('a  b', 2)).toBeNull();
    expect(wordAt('', 0)).toBeNull();
  });

  it('always returns a range that contains or ends at the offset and matches its text', () => {
    fc.assert(
      fc.property(arbText, fc.nat(), (text, x) => {
        const cp = x % (codePointLength(text) + 1);
        const w = wordAt(text, cp);
        if (w === null) return;
        expect(w.start).toBeLessThanOrEqual(cp);
        expect(w.end).toBeGreaterThanOrEqual(cp);
        expect(sliceCodePoints(text, w.start, w.end)).toBe(w.text);
      }),
    );
  });
});

describe('trimSpan', () => {
  it('trims whitespace of every kind from both edges', () => {
    const s = `x \u00a0${FIREMAN} ok\r\n y`;
    expect(trimSpan(s, 1, 11)).toEqual({ start: 3, end: 10 });
    expect(sliceCodePoints(s, 3, 10)).toBe(`${FIREMAN} ok`);
    expect(trimSpan('a   b', 1, 4)).toEqual({ start: 1, end: 1 });
  });

  it('never grows a span and leaves no whitespace at its edges', () => {
    fc.assert(
      fc.property(arbText, fc.nat(), fc.nat(), (text, x, y) => {
        const n = codePointLength(text);
        const [s, e] = [x % (n + 1), y % (n + 1)].sort((p, q) => p - q) as [number, number];
        const t = trimSpan(text, s, e);
        expect(t.start).toBeGreaterThanOrEqual(s);
        expect(t.end).toBeLessThanOrEqual(e);
        const slice = sliceCodePoints(text, t.start, t.end);
        expect(slice).toBe(slice.trim());
      }),
    );
  });
});
