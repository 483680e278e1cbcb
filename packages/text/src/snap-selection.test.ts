import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { graphemeBoundaries, sliceCodePoints } from '@labelkit/core';
import { snapSelection } from './snap-selection.js';

describe('snapSelection', () => {
  it('gives the offsets of the issue strings in code points', () => {
    // Raw selections as a mouse would give them, a bit sloppy around the word.
    const fire = '👨🏻‍🚒 firemen drive firetrucks';
    expect(snapSelection(fire, 18, 29)).toEqual({ start: 19, end: 29 });
    expect(snapSelection(fire, 21, 23, { snap: 'word' })).toEqual({ start: 19, end: 29 });
    expect(sliceCodePoints(fire, 19, 29)).toBe('firetrucks');
    expect(snapSelection('🇯🇵 Tokyo', 2, 8)).toEqual({ start: 3, end: 8 });
    expect(snapSelection('a\r\nBerlin', 1, 9)).toEqual({ start: 3, end: 9 });
  });

  it('never cuts an emoji sequence, a flag or a combining mark', () => {
    const fire = '👨🏻‍🚒 firemen';
    expect(snapSelection(fire, 1, 3)).toEqual({ start: 0, end: 4 });
    expect(snapSelection('🇯🇵 Tokyo', 1, 1 + 1)).toEqual({ start: 0, end: 2 });
    expect(snapSelection('Cafe\u0301 au lait', 0, 4)).toEqual({ start: 0, end: 5 });
  });

  it('snaps to whole words with Intl.Segmenter, CJK included', () => {
    expect(snapSelection('book a flight to Paris tomorrow', 18, 20, { snap: 'word' })).toEqual({ start: 17, end: 22 });
    const ja = '東京都に住んでいます';
    const r = snapSelection(ja, 1, 2, { snap: 'word', locale: 'ja' });
    expect(r).not.toBeNull();
    expect(r!.start).toBe(0);
    expect(r!.end).toBeGreaterThanOrEqual(2);
  });

  it('trims whitespace and returns null for a whitespace-only selection', () => {
    expect(snapSelection(' \t Paris \r\n', 0, 11)).toEqual({ start: 3, end: 8 });
    expect(snapSelection('a   b', 1, 4)).toBeNull();
    expect(snapSelection('abc', 2, 2)).toBeNull();
  });

  it('accepts the selection in either direction', () => {
    expect(snapSelection('hello world', 11, 6)).toEqual({ start: 6, end: 11 });
  });

  it('always lands on grapheme boundaries and inside the selection hull (property)', () => {
    const unit = fc.constantFrom('a', ' ', '😀', '👨🏻‍🚒', '🇯🇵', 'e\u0301', '\r\n', '東', 'ش');
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 30 }), fc.nat(200), fc.nat(200), fc.boolean(), (parts, a, b, word) => {
        const text = parts.join('');
        const len = [...text].length;
        const r = snapSelection(text, a % (len + 1), b % (len + 1), { snap: word ? 'word' : 'character' });
        if (r === null) return;
        const bounds = new Set(graphemeBoundaries(text));
        expect(bounds.has(r.start) && bounds.has(r.end)).toBe(true);
        const slice = sliceCodePoints(text, r.start, r.end);
        expect(slice).toBe(slice.trim());
        expect(slice.length).toBeGreaterThan(0);
      }),
    );
  });

  it('word snapping trims punctuation from both ends as NER expects, keeping it inside and after abbreviations', () => {
    const t = 'It opened in spring. "Tim Cook" (Apple) met U.S. officials in Seoul.';
    const w = (a: number, b: number) => {
      const r = snapSelection(t, a, b, { snap: 'word' });
      return r && sliceCodePoints(t, r.start, r.end);
    };
    const i = (s: string) => t.indexOf(s);
    expect(w(i('spring'), i('spring.') + 7)).toBe('spring');
    expect(w(i('Seoul'), t.length)).toBe('Seoul');
    expect(w(i('spring') + 2, i(' "Tim'))).toBe('spring'); // snapped out to the word, then trimmed
    expect(w(i('"Tim'), i('Cook"') + 5)).toBe('Tim Cook');
    expect(w(i('(Apple)'), i('(Apple)') + 7)).toBe('Apple');
    expect(w(i('spring'), i('Cook"') + 5)).toBe('spring. "Tim Cook'); // inside: kept
    expect(w(i('U.S.'), i('U.S.') + 4)).toBe('U.S.'); // an abbreviation keeps its final period
    // Only punctuation selected: kept (whitespace trimmed), as with character snapping.
    expect(w(i('. "'), i('. "') + 3)).toBe('. "');
    // Character snapping is exact: punctuation stays.
    const c = snapSelection(t, i('Seoul'), t.length);
    expect(c && sliceCodePoints(t, c.start, c.end)).toBe('Seoul.');
  });
});
