import { describe, expect, it } from 'vitest';
import { formatTime, tickStep } from './time-format.js';

describe('formatTime', () => {
  it('formats minutes, hours and decimals', () => {
    expect(formatTime(0)).toBe('0:00.000');
    expect(formatTime(61.5)).toBe('1:01.500');
    expect(formatTime(3723.25, 1)).toBe('1:02:03.3');
    expect(formatTime(5, 0)).toBe('0:05');
  });
});

describe('tickStep', () => {
  it('picks 1-2-5 steps at least minPx apart', () => {
    expect(tickStep(100)).toBe(1);
    expect(tickStep(30)).toBe(5);
    expect(tickStep(100000)).toBe(0.001);
    expect(tickStep(1280 / 10800)).toBe(1000);
  });
});
