/**
 * Vertical layout of the annotator's canvas: ruler, waveform (one band per channel), optional
 * spectrogram, then the lanes with their stacked rows. Pure numbers, shared by drawing and hit testing.
 */

/** Heights, CSS pixels. */
export const RULER_HEIGHT = 22;
/** Height of one segment row inside a lane. */
export const ROW_HEIGHT = 22;
/** Padding above and below the rows of a lane. */
export const LANE_PADDING = 4;
/** Strip at the top of each lane for its title, so the title never covers a segment. */
export const LANE_HEADER = 14;

/** Where everything sits vertically. */
export interface TrackLayout {
  /** Top of the waveform band. */
  waveTop: number;
  /** Height of the waveform band (all channels). */
  waveHeight: number;
  /** Number of channels the waveform band is split into (wavesurfer's `splitChannels`), at least 1. */
  channelCount: number;
  /** Height of one channel's band: `waveHeight / channelCount` rounded down, as wavesurfer draws it. */
  channelHeight: number;
  /** Top of the lanes. */
  lanesTop: number;
  /** Top of each lane. */
  laneTops: number[];
  /** Height of each lane. */
  laneHeights: number[];
  /** Total height. */
  height: number;
}

/** Computes the {@link TrackLayout} for `rows` rows per lane and a waveform of `channelCount` channels (default 1). */
export function trackLayout(rows: readonly number[], waveHeight: number, spectrogramHeight: number, channelCount = 1): TrackLayout {
  const waveTop = RULER_HEIGHT;
  const channels = Math.max(1, Math.floor(channelCount));
  const lanesTop = waveTop + waveHeight + spectrogramHeight;
  const laneTops: number[] = [];
  const laneHeights: number[] = [];
  let y = lanesTop;
  for (const r of rows) {
    laneTops.push(y);
    const h = LANE_HEADER + Math.max(1, r) * ROW_HEIGHT + 2 * LANE_PADDING;
    laneHeights.push(h);
    y += h;
  }
  return { waveTop, waveHeight, channelCount: channels, channelHeight: Math.floor(waveHeight / channels), lanesTop, laneTops, laneHeights, height: y };
}

/** The lane and row under `y`, or `{ lane: -1, row: -1 }` above the lanes (ruler, waveform) or below them. */
export function laneAtY(layout: TrackLayout, y: number): { lane: number; row: number } {
  if (y < layout.lanesTop) return { lane: -1, row: -1 };
  for (let i = 0; i < layout.laneTops.length; i++) {
    const top = layout.laneTops[i]!;
    const h = layout.laneHeights[i]!;
    if (y >= top && y < top + h) return { lane: i, row: Math.max(0, Math.floor((y - top - LANE_HEADER - LANE_PADDING) / ROW_HEIGHT)) };
  }
  return { lane: -1, row: -1 };
}

/**
 * The part of the waveform band a segment of `channel` covers: that channel's band when the file has
 * several channels and `channel` is one of them, else the whole waveform band (`channel` absent means
 * all channels; a mono file has one band).
 */
export function channelBand(layout: TrackLayout, channel: number | undefined): { top: number; height: number } {
  if (channel === undefined || layout.channelCount <= 1 || !Number.isInteger(channel) || channel < 0 || channel >= layout.channelCount) return { top: layout.waveTop, height: layout.waveHeight };
  return { top: layout.waveTop + channel * layout.channelHeight, height: layout.channelHeight };
}

/**
 * A channel's name for people: `All channels` when absent, `Left`/`Right` in a stereo file,
 * `Channel n` (1-based) otherwise. `short` gives the badge form: `L`, `R`, or the 1-based number.
 */
export function channelName(channel: number | undefined, channelCount: number, short = false): string {
  if (channel === undefined) return short ? '' : 'All channels';
  if (channelCount === 2 && (channel === 0 || channel === 1)) return short ? (channel === 0 ? 'L' : 'R') : channel === 0 ? 'Left' : 'Right';
  return short ? String(channel + 1) : `Channel ${channel + 1}`;
}

/**
 * The channels a segment can be put on: `0 … channelCount - 1`, plus `current` when it lies outside
 * the file's channels (a segment imported for another file), so the editor can show it and clear it.
 */
export function channelOptions(channelCount: number, current?: number): number[] {
  const out = Array.from({ length: Math.max(0, Math.floor(channelCount)) }, (_, i) => i);
  if (current !== undefined && !out.includes(current)) out.push(current);
  return out;
}
