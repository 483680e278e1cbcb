import { describe, expect, it } from 'vitest';
import { MAX_ELEMENT_WIDTH, PX_PER_SAMPLE, audioZoomLimits } from './audio-zoom.js';

describe('audio zoom limits', () => {
  it('zoom from the whole file to sample level, capped by the element width only when laid out as one element', () => {
    expect(audioZoomLimits(10, 1000, 16000, false)).toEqual({ min: 100, max: 16000 * PX_PER_SAMPLE });
    // 3 hours on the track canvas: sample level all the same.
    expect(audioZoomLimits(10800, 1280, 16000, false).max).toBe(16000 * PX_PER_SAMPLE);
    // wavesurfer's view under the spectrogram: 10800 * 128000 px would be too wide, so the cap wins.
    expect(audioZoomLimits(10800, 1280, 16000, true).max * 10800).toBeCloseTo(MAX_ELEMENT_WIDTH);
  });
});
