import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sliceCodePoints } from '@labelkit/core';
import { chunkAt, chunkText } from './text-chunks.js';

describe('chunkText', () => {
  it('splits at every kind of line break and keeps the break on its line', () => {
    const text = 'a\r\nBerlin\nx\ry';
    const chunks = chunkText(text);
    expect(chunks.map((c) => text.slice(c.u16Start, c.u16End))).toEqual(['a\r\n', 'Berlin\n', 'x\r', 'y']);
    expect(chunks.map((c) => [c.start, c.end])).toEqual([[0, 3], [3, 10], [10, 12], [12, 13]]);
  });

  it('counts code points, not UTF-16 units', () => {
    const text = '🇯🇵 Tokyo\n👨🏻‍🚒 firemen';
    const [first, second] = chunkText(text);
    expect(first).toMatchObject({ start: 0, end: 9, u16Start: 0, u16End: 11 });
    expect(second?.start).toBe(9);
    expect(sliceCodePoints(text, second!.start, second!.end)).toBe('👨🏻‍🚒 firemen');
  });

  it('cuts very long lines at a space without splitting a surrogate pair', () => {
    const text = ('word 😀 ').repeat(500);
    const chunks = chunkText(text, { maxChunkLength: 100 });
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.slice(1).every((c) => c.continued)).toBe(true);
    for (const c of chunks) {
      expect(c.u16End - c.u16Start).toBeLessThanOrEqual(100);
      const code = text.charCodeAt(c.u16End - 1);
      expect(code >= 0xd800 && code <= 0xdbff).toBe(false);
    }
  });

  it('concatenates back to the source for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '😀', 'é', '\t') }), fc.integer({ min: 16, max: 40 }), (text, max) => {
        const chunks = chunkText(text, { maxChunkLength: max });
        expect(chunks.map((c) => text.slice(c.u16Start, c.u16End)).join('')).toBe(text);
        chunks.forEach((c, i) => {
          expect(c.index).toBe(i);
          if (i > 0) expect(c.start).toBe(chunks[i - 1]!.end);
        });
      }),
    );
  });

  it('finds the chunk of an offset', () => {
    const chunks = chunkText('ab\ncd\nef');
    expect([0, 2, 3, 5, 6, 8].map((o) => chunkAt(chunks, o))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('gives one empty chunk for an empty text', () => {
    expect(chunkText('')).toEqual([{ index: 0, start: 0, end: 0, u16Start: 0, u16End: 0, continued: false }]);
  });
});
