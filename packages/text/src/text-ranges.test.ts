import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '@labelkit/core';
import { joinTurns, sentenceRanges } from './text-ranges.js';

describe('sentenceRanges', () => {
  it('gives trimmed code-point ranges whose slice is the sentence', () => {
    const text = '🎉 My order never came. I want a refund!  Can you help?\n';
    const ranges = sentenceRanges(text, 'en');
    expect(ranges.map((r) => r.text)).toEqual(['🎉 My order never came.', 'I want a refund!', 'Can you help?']);
    for (const r of ranges) expect(sliceCodePoints(text, r.start, r.end)).toBe(r.text);
    expect(ranges[0]).toMatchObject({ start: 0, end: 22 });
  });
  it('splits CJK sentences', () => {
    expect(sentenceRanges('東京に行きたい。明日は雨です。', 'ja').map((r) => r.text)).toEqual(['東京に行きたい。', '明日は雨です。']);
  });
  it('skips whitespace-only text', () => {
    expect(sentenceRanges('  \n ')).toEqual([]);
  });
});

describe('joinTurns', () => {
  it('joins with "\\n" and gives each turn its range', () => {
    const turns = [{ speaker: 'user', text: 'Book a flight to Paris 🇫🇷' }, { speaker: 'bot', text: 'When?' }, { text: '' }, { text: 'Friday' }];
    const { text, ranges } = joinTurns(turns);
    expect(text).toBe('Book a flight to Paris 🇫🇷\nWhen?\n\nFriday');
    expect(ranges.map((r) => [r.start, r.end])).toEqual([[0, 25], [26, 31], [32, 32], [33, 39]]);
    ranges.forEach((r, i) => expect(sliceCodePoints(text, r.start, r.end)).toBe(turns[i]!.text));
  });
});
