import { describe, expect, it } from 'vitest';
import { LANE_HEADER, LANE_PADDING, ROW_HEIGHT, RULER_HEIGHT, channelBand, channelName, channelOptions, laneAtY, trackLayout } from './layout.js';

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

  it('splits the waveform band into one band per channel, as wavesurfer does (heights rounded down)', () => {
    const mono = trackLayout([1], 120, 0);
    expect(mono.channelCount).toBe(1);
    expect(mono.channelHeight).toBe(120);
    const three = trackLayout([1], 100, 0, 3);
    expect(three.channelCount).toBe(3);
    expect(three.channelHeight).toBe(33);
    // The lanes do not move with the channel count.
    expect(three.lanesTop).toBe(trackLayout([1], 100, 0).lanesTop);
    expect(trackLayout([1], 100, 0, 0).channelCount).toBe(1);
  });
});

describe('channelBand', () => {
  const stereo = trackLayout([1], 120, 0, 2);

  it("gives a channel's segment only that channel's band", () => {
    expect(channelBand(stereo, 0)).toEqual({ top: RULER_HEIGHT, height: 60 });
    expect(channelBand(stereo, 1)).toEqual({ top: RULER_HEIGHT + 60, height: 60 });
    const four = trackLayout([1], 100, 0, 4);
    expect(channelBand(four, 3)).toEqual({ top: RULER_HEIGHT + 75, height: 25 });
  });

  it('gives the whole waveform band to all-channel segments, mono files and channels the file lacks', () => {
    const whole = { top: RULER_HEIGHT, height: 120 };
    expect(channelBand(stereo, undefined)).toEqual(whole);
    expect(channelBand(stereo, 2)).toEqual(whole);
    expect(channelBand(stereo, -1)).toEqual(whole);
    expect(channelBand(stereo, 0.5)).toEqual(whole);
    expect(channelBand(trackLayout([1], 120, 0, 1), 0)).toEqual(whole);
  });
});

describe('channelName / channelOptions', () => {
  it('names channels: left/right in stereo, 1-based numbers otherwise', () => {
    expect(channelName(undefined, 2)).toBe('All channels');
    expect(channelName(undefined, 2, true)).toBe('');
    expect(channelName(0, 2)).toBe('Left');
    expect(channelName(1, 2, true)).toBe('R');
    expect(channelName(0, 4)).toBe('Channel 1');
    expect(channelName(3, 4, true)).toBe('4');
    expect(channelName(2, 2)).toBe('Channel 3');
  });

  it("lists the file's channels, plus a segment's channel the file lacks", () => {
    expect(channelOptions(2)).toEqual([0, 1]);
    expect(channelOptions(2, 1)).toEqual([0, 1]);
    expect(channelOptions(2, 5)).toEqual([0, 1, 5]);
    expect(channelOptions(1, 0)).toEqual([0]);
  });
});
