import { describe, expect, it } from 'vitest';
import { LANE_HEADER, LANE_PADDING, ROW_HEIGHT, RULER_HEIGHT, laneAtY, trackLayout } from './layout.js';

describe('trackLayout / laneAtY', () => {
  it('stacks ruler, waveform, spectrogram and lanes, and finds lane and row under y', () => {
    const l = trackLayout([1, 2], 100, 50);
    expect(l.lanesTop).toBe(RULER_HEIGHT + 150);
    expect(l.laneHeights).toEqual([LANE_HEADER + ROW_HEIGHT + 2 * LANE_PADDING, LANE_HEADER + 2 * ROW_HEIGHT + 2 * LANE_PADDING]);
    expect(laneAtY(l, 10)).toEqual({ lane: -1, row: -1 });
    expect(laneAtY(l, l.lanesTop + LANE_HEADER + 5)).toEqual({ lane: 0, row: 0 });
    expect(laneAtY(l, l.laneTops[1]! + LANE_HEADER + LANE_PADDING + ROW_HEIGHT + 1)).toEqual({ lane: 1, row: 1 });
    expect(laneAtY(l, l.height + 1)).toEqual({ lane: -1, row: -1 });
  });
});
