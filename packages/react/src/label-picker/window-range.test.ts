import { describe, expect, it } from 'vitest';
import { scrollTopToReveal, windowRange } from './window-range.js';

describe('windowRange', () => {
  it('renders short lists whole', () => {
    expect(windowRange({ count: 150, rowHeight: 32, scrollTop: 999, viewportHeight: 320 })).toEqual({ start: 0, end: 150 });
  });

  it('renders the rows in view plus overscan for long lists', () => {
    expect(windowRange({ count: 1000, rowHeight: 32, scrollTop: 0, viewportHeight: 320, overscan: 5 })).toEqual({ start: 0, end: 15 });
    // rows 100..110 visible at scrollTop 3200
    expect(windowRange({ count: 1000, rowHeight: 32, scrollTop: 3200, viewportHeight: 320, overscan: 5 })).toEqual({ start: 95, end: 115 });
    expect(windowRange({ count: 1000, rowHeight: 32, scrollTop: 32000, viewportHeight: 320, overscan: 5 })).toEqual({ start: 995, end: 1000 });
  });

  it('copes with a zero-height viewport (not laid out yet)', () => {
    const r = windowRange({ count: 500, rowHeight: 32, scrollTop: 0, viewportHeight: 0, overscan: 0 });
    expect(r).toEqual({ start: 0, end: 1 });
  });
});

describe('scrollTopToReveal', () => {
  it('scrolls the least needed to show a row', () => {
    expect(scrollTopToReveal(5, 32, 0, 320)).toBe(0); // already visible
    expect(scrollTopToReveal(10, 32, 0, 320)).toBe(32); // just below: bottom-align
    expect(scrollTopToReveal(2, 32, 200, 320)).toBe(64); // above: top-align
  });
});
