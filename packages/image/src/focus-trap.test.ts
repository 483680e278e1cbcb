import { describe, expect, it } from 'vitest';
import { nextTabStop } from './focus-trap.js';

describe('nextTabStop', () => {
  it('moves forward and back and wraps at both ends', () => {
    expect(nextTabStop(3, 0, false)).toBe(1);
    expect(nextTabStop(3, 2, false)).toBe(0);
    expect(nextTabStop(3, 0, true)).toBe(2);
    expect(nextTabStop(3, 1, true)).toBe(0);
    expect(nextTabStop(1, 0, false)).toBe(0);
  });
  it('enters at the first (or, backwards, the last) stop when focus is elsewhere; -1 without stops', () => {
    expect(nextTabStop(3, -1, false)).toBe(0);
    expect(nextTabStop(3, -1, true)).toBe(2);
    expect(nextTabStop(0, -1, false)).toBe(-1);
  });
});
