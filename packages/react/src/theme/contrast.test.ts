import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHexColor, readableTextColor, relativeLuminance } from './contrast.js';

describe('contrast', () => {
  it('parses short and long hex colours and rejects others', () => {
    expect(parseHexColor('#f00')).toEqual([255, 0, 0]);
    expect(parseHexColor('#0B5CD5')).toEqual([11, 92, 213]);
    expect(() => parseHexColor('red')).toThrow(/hex colour/);
    expect(() => parseHexColor('#12345')).toThrow();
  });

  it('computes WCAG luminance and ratios', () => {
    expect(relativeLuminance('#000')).toBe(0);
    expect(relativeLuminance('#fff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#abcdef', '#abcdef')).toBeCloseTo(1, 10);
    // Well-known reference: #777 on white is just below AA (4.48:1).
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#fff', '#777')).toBeCloseTo(contrastRatio('#777', '#fff'), 10);
  });

  it('picks readable text for label colours', () => {
    expect(readableTextColor('#ffe119')).toBe('#000000'); // yellow
    expect(readableTextColor('#000075')).toBe('#ffffff'); // navy
  });
});
