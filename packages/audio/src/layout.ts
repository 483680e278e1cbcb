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
  /** Top of the lanes. */
  lanesTop: number;
  /** Top of each lane. */
  laneTops: number[];
  /** Height of each lane. */
  laneHeights: number[];
  /** Total height. */
  height: number;
}

/** Computes the {@link TrackLayout} for `rows` rows per lane. */
export function trackLayout(rows: readonly number[], waveHeight: number, spectrogramHeight: number): TrackLayout {
  const waveTop = RULER_HEIGHT;
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
  return { waveTop, waveHeight, lanesTop, laneTops, laneHeights, height: y };
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
