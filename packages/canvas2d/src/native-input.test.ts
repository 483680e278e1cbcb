import { describe, expect, it } from 'vitest';
import { isDoubleClick, keyZoomAnchor, modifiersOf, pinchOf, pinchView, wheelZoomFactor } from './native-input.js';

describe('native input', () => {
  it('reads Ctrl and Cmd both as mod', () => {
    expect(modifiersOf({ shiftKey: true, altKey: false, ctrlKey: false, metaKey: true })).toEqual({ shift: true, alt: false, mod: true });
  });

  it('pinch: the image follows the fingers’ midpoint and zooms with their spread', () => {
    const from = pinchOf([300, 300], [400, 300]);
    expect(from).toEqual({ dist: 100, mid: [350, 300] });
    const v = pinchView({ zoom: 1, x: 0, y: 0 }, from, pinchOf([250, 300], [450, 300]));
    expect(v.zoom).toBeCloseTo(2, 9);
    // The image point under the midpoint stays under it.
    expect(v.x).toBeCloseTo(350 - 350 * 2, 9);
    expect(pinchView({ zoom: 1, x: 0, y: 0 }, { dist: 0, mid: [0, 0] }, { dist: 50, mid: [10, 5] })).toEqual({ zoom: 1, x: 10, y: 5 });
  });

  it('wheel: lines and pages count as pixels; Ctrl (a trackpad pinch) zooms faster', () => {
    expect(wheelZoomFactor({ deltaY: -100, deltaMode: 0, ctrlKey: false })).toBeCloseTo(Math.exp(0.15), 9);
    expect(wheelZoomFactor({ deltaY: 3, deltaMode: 1, ctrlKey: false })).toBeCloseTo(Math.exp(-48 * 0.0015), 9);
    expect(wheelZoomFactor({ deltaY: 10, deltaMode: 0, ctrlKey: true })).toBeCloseTo(Math.exp(-0.1), 9);
  });

  it('a double click is two presses within 350 ms and 6 px', () => {
    expect(isDoubleClick(null, { t: 0, p: [0, 0] })).toBe(false);
    expect(isDoubleClick({ t: 0, p: [0, 0] }, { t: 300, p: [3, 3] })).toBe(true);
    expect(isDoubleClick({ t: 0, p: [0, 0] }, { t: 400, p: [0, 0] })).toBe(false);
    expect(isDoubleClick({ t: 0, p: [0, 0] }, { t: 100, p: [6, 0] })).toBe(false);
  });

  it('zoom keys zoom about the pointer when it is over the canvas, else the centre', () => {
    expect(keyZoomAnchor([10, 20], { width: 800, height: 600 })).toEqual([10, 20]);
    expect(keyZoomAnchor([900, 20], { width: 800, height: 600 })).toEqual([400, 300]);
    expect(keyZoomAnchor(null, { width: 800, height: 600 })).toEqual([400, 300]);
  });
});
