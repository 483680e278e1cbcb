import { describe, expect, it } from 'vitest';
import { describeShape, withAlpha } from './draw.js';

describe('draw helpers', () => {
  it('converts hex colours to rgba', () => {
    expect(withAlpha('#ff8000', 0.5)).toBe('rgba(255,128,0,0.5)');
    expect(withAlpha('#f80', 1)).toBe('rgba(255,136,0,1)');
    expect(withAlpha('red', 1)).toBe('red');
  });
  it('describes shapes for announcements', () => {
    expect(describeShape({ id: 'a', kind: 'bbox', label: 'x', x: 10.2, y: 9.8, width: 100, height: 50, rotation: 15 })).toBe('box 100×50 at 10, 10, rotated 15°');
    expect(describeShape({ id: 'p', kind: 'polygon', label: 'x', points: [[0, 0], [1, 0], [1, 1]], holes: [[[0, 0], [1, 0], [1, 1]]] })).toBe('polygon with 3 points and 1 hole');
  });
});
