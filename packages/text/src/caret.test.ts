import { describe, expect, it } from 'vitest';
import { moveCaret } from './caret.js';

describe('moveCaret', () => {
  const fire = '👨🏻‍🚒 firemen drive firetrucks';
  it('steps over a whole emoji ZWJ sequence, a flag and CRLF', () => {
    expect(moveCaret(fire, 0, 1)).toBe(4);
    expect(moveCaret(fire, 4, -1)).toBe(0);
    expect(moveCaret('🇯🇵 Tokyo', 0, 1)).toBe(2);
    expect(moveCaret('a\r\nBerlin', 1, 1)).toBe(3);
  });
  it('jumps by words like an editor', () => {
    expect(moveCaret(fire, 0, 1, { unit: 'word' })).toBe(12);
    expect(moveCaret(fire, 12, 1, { unit: 'word' })).toBe(18);
    expect(moveCaret(fire, 29, -1, { unit: 'word' })).toBe(19);
    expect(moveCaret(fire, 19, -1, { unit: 'word' })).toBe(13);
  });
  it('stays inside the text', () => {
    expect(moveCaret('abc', 0, -1)).toBe(0);
    expect(moveCaret('abc', 3, 1)).toBe(3);
    expect(moveCaret('...', 0, 1, { unit: 'word' })).toBe(3);
  });
  it('works far into a long text (windowed)', () => {
    const text = 'x'.repeat(5000) + ' ' + 'y'.repeat(3000) + ' end';
    expect(moveCaret(text, 5001, 1, { unit: 'word' })).toBe(8001);
    expect(moveCaret(text, 8001, -1, { unit: 'word' })).toBe(5001);
  });
});
