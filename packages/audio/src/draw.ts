/**
 * Canvas drawing of the annotator: ruler, waveform, lanes and every visible segment on one canvas
 * layer (culled with the interval index), plus the overview. Text is drawn with `fillText` only, so label
 * names and transcripts can never become markup. A segment being dragged is left out of the canvas
 * ({@link FrameState.hidden}) and shown by a small DOM overlay placed with {@link draftGeometry}, so a
 * pointer move changes a transform, not the canvas: nothing is redrawn and only that overlay is damaged.
 */
import { positionToX, visibleSpan, xToPosition, type IntervalIndex, type TimelineViewport } from '@labelkit/core';
import type { Lane } from './lanes.js';
import { LANE_HEADER, LANE_PADDING, ROW_HEIGHT, RULER_HEIGHT, channelBand, channelName, type TrackLayout } from './layout.js';
import type { PeaksPyramid } from './peaks.js';
import { formatTime, tickStep } from './time-format.js';
import type { Region } from './dirty-regions.js';
import { drawWaveform, type WaveformSource } from './waveform.js';
import { spectrogramLevels, spectrogramPixels, type SpectrogramSource } from './spectrogram.js';

/** A segment as drawn: its place and looks. */
export interface DrawItem {
  id: string;
  start: number;
  end: number;
  lane: number;
  row: number;
  color: string;
  /** Short text shown inside (label name or transcript); untrusted, drawn with `fillText`. */
  caption: string;
  /** A pending model suggestion (dashed). */
  suggestion: boolean;
  /** The segment's channel (0-based); absent: all channels. */
  channel?: number;
}

/** Theme colours read from the `--lk-*` variables. */
export interface DrawTheme {
  text: string;
  muted: string;
  border: string;
  surface: string;
  stripe: string;
  accent: string;
  playhead: string;
}

/** What one frame shows. */
export interface FrameState {
  viewport: TimelineViewport;
  layout: TrackLayout;
  lanes: readonly Lane[];
  index: IntervalIndex<DrawItem>;
  selected: ReadonlySet<string>;
  playhead: number;
  preview: { start: number; end: number; lane: number } | null;
  markStart: number | null;
  theme: DrawTheme;
  /** Lane new segments go to from the waveform band. */
  activeLane: number;
  /** A segment not to draw (the one being dragged: the drag overlay shows it at its draft place). */
  hidden?: string | null;
  /** The waveform to draw in the waveform band, one band per channel (in `theme.muted`); absent: none. */
  waveform?: WaveformSource | null;
  /** Device pixels per CSS pixel of the canvas (default 1): the waveform is drawn per device pixel. */
  dpr?: number;
  /**
   * The annotator's own spectrogram in the band under the waveform, from `source` where it has samples
   * (see spectrogram.ts); absent: the band is left clear (wavesurfer's spectrogram shows through it).
   */
  spectrogram?: { source: SpectrogramSource | null } | null;
}

/**
 * The draw item of a segment during a drag: `base` (its indexed item) at the draft extent and lane.
 * Moved to another lane, it is drawn in that lane's first row; with `byLabel` (lanes are labels) it
 * takes that lane's colour, and its caption too when the caption was the label's name.
 */
export function draftItem(base: DrawItem, draft: { start: number; end: number; lane: number }, lanes: readonly Lane[], byLabel: boolean): DrawItem {
  if (draft.lane === base.lane) return { ...base, start: draft.start, end: draft.end };
  const from = lanes[base.lane];
  const to = lanes[draft.lane];
  if (!to) return { ...base, start: draft.start, end: draft.end };
  const moved: DrawItem = { ...base, start: draft.start, end: draft.end, lane: draft.lane, row: 0 };
  if (byLabel) {
    moved.color = to.color;
    if (from && base.caption === from.title) moved.caption = to.title;
  }
  return moved;
}

/**
 * Draws one frame of the track canvas (already scaled for devicePixelRatio), or only its part inside
 * `region` (CSS pixels; give it on whole device pixels, see `snapRegion`): cleared and drawn again
 * under a clip, everything else left as it is — so the canvas is only invalidated there.
 */
export function drawFrame(ctx: CanvasRenderingContext2D, f: FrameState, region?: Region): void {
  const { viewport: v, layout, theme } = f;
  const w = v.width;
  if (region) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(region.x, region.y, region.width, region.height);
    ctx.clip();
    ctx.clearRect(region.x, region.y, region.width, region.height);
  } else ctx.clearRect(0, 0, w, layout.height);
  // With a region, only what reaches into its rows is drawn (the clip would discard the rest anyway).
  const rows = (top: number, height: number) => !region || (top < region.y + region.height && top + height > region.y);
  if (rows(0, RULER_HEIGHT)) drawRuler(ctx, v, theme);
  if (f.waveform && rows(layout.waveTop, layout.waveHeight)) {
    const bands = layout.channelCount > 1 ? Array.from({ length: layout.channelCount }, (_, c) => channelBand(layout, c)) : [channelBand(layout, undefined)];
    drawWaveform(ctx, f.waveform, v, bands, theme.muted, f.dpr ?? 1, region ? { from: region.x, to: region.x + region.width } : undefined);
  }
  const specTop = layout.waveTop + layout.waveHeight;
  const specHeight = layout.lanesTop - specTop;
  if (f.spectrogram && specHeight > 0 && rows(specTop, specHeight)) drawOwnSpectrogram(ctx, f.spectrogram.source, v, specTop, specHeight, theme, f.dpr ?? 1, region);
  // Lane stripes and titles.
  ctx.font = '11px system-ui, sans-serif';
  for (let i = 0; i < f.lanes.length; i++) {
    const top = layout.laneTops[i]!;
    const h = layout.laneHeights[i]!;
    if (!rows(top, h)) continue;
    ctx.fillStyle = i % 2 ? theme.stripe : theme.surface;
    ctx.fillRect(0, top, w, h);
    if (i === f.activeLane) {
      ctx.fillStyle = f.lanes[i]!.color;
      ctx.fillRect(0, top, 3, h);
    }
  }
  const visible = visibleSpan(v);
  // Segments reach 2 px past their extent (edge handles): a region also draws those just outside it.
  const t0 = region ? Math.max(visible.start, xToPosition(v, region.x - 4)) : visible.start;
  const t1 = region ? Math.min(visible.end, xToPosition(v, region.x + region.width + 4)) : visible.end;
  const hidden = f.hidden ?? null;
  // Faint spans over the waveform (over its channel's band when it has one) so speech turns are visible there too.
  const span = (it: DrawItem) => {
    const x0 = Math.max(-1, positionToX(v, it.start));
    const x1 = Math.min(w + 1, positionToX(v, it.end));
    const band = channelBand(layout, it.channel);
    ctx.fillStyle = it.color;
    ctx.fillRect(x0, band.top, Math.max(1, x1 - x0), band.height);
  };
  const inBand = (it: DrawItem) => {
    const band = channelBand(layout, it.channel);
    return rows(band.top, band.height);
  };
  ctx.globalAlpha = 0.1;
  f.index.forEach(t0, t1, (it) => {
    if (it.id !== hidden && inBand(it)) span(it);
  });
  ctx.globalAlpha = 1;
  // Segments: one pass for fills, strokes and captions; the selected ones last, on top.
  const selectedItems: DrawItem[] = [];
  f.index.forEach(t0, t1, (it) => {
    if (it.id === hidden) return;
    const top = layout.laneTops[it.lane];
    // Its box (in its lane) or its selection shading (in its band) reaches into the region.
    if (region && !(top !== undefined && rows(top, layout.laneHeights[it.lane]!)) && !(f.selected.has(it.id) && inBand(it))) return;
    if (f.selected.has(it.id)) selectedItems.push(it);
    else drawSegment(ctx, f, it, false);
  });
  for (const it of selectedItems) drawSegment(ctx, f, it, true);
  if (f.preview) {
    const p = f.preview;
    const lane = f.lanes[p.lane];
    const x0 = positionToX(v, p.start);
    const x1 = positionToX(v, p.end);
    ctx.fillStyle = lane?.color ?? theme.accent;
    ctx.globalAlpha = 0.25;
    ctx.fillRect(x0, layout.waveTop, x1 - x0, layout.height - layout.waveTop);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = lane?.color ?? theme.accent;
    ctx.lineWidth = 1;
    ctx.strokeRect(x0 + 0.5, layout.waveTop + 0.5, Math.max(1, x1 - x0 - 1), layout.height - layout.waveTop - 1);
  }
  if (f.markStart !== null) {
    const x = Math.round(positionToX(v, f.markStart)) + 0.5;
    ctx.strokeStyle = theme.accent;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(x, RULER_HEIGHT);
    ctx.lineTo(x, layout.height);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  // Lane titles in each lane's header strip.
  for (let i = 0; i < f.lanes.length; i++) {
    const lane = f.lanes[i]!;
    const top = layout.laneTops[i]!;
    if (!rows(top, LANE_HEADER) || (region && region.x > 160)) continue;
    const text = lane.title;
    ctx.fillStyle = theme.muted;
    ctx.fillText(text, 9, top + 13, 150);
  }
  const px = positionToX(v, f.playhead);
  if (px >= -1 && px <= w + 1) {
    ctx.fillStyle = theme.playhead;
    ctx.fillRect(Math.round(px) - 1, 0, 2, layout.height);
  }
  if (region) ctx.restore();
}

/** Where the drag overlay goes, CSS pixels in the track (see {@link draftGeometry}). */
export interface DraftGeometry {
  /** Left edge, clipped to the view (a couple of pixels of slack). */
  x: number;
  /** Width, clipped to the view; at least 1. */
  width: number;
  /** Whether the segment's start / end edge is in view (its handle is shown). */
  startEdge: boolean;
  endEdge: boolean;
  /** The shading over the waveform: the segment's channel band, or the whole band. */
  shadeTop: number;
  shadeHeight: number;
  /** The segment's box in its lane row. */
  boxTop: number;
  boxHeight: number;
  /** Channel badge text (multichannel files only), else empty. */
  badge: string;
}

/**
 * Geometry of the dragged segment's overlay for `item` (usually from {@link draftItem}), placed and
 * clipped the way {@link drawFrame} draws a selected segment; `null` when it is out of view or its
 * lane does not exist.
 */
export function draftGeometry(item: DrawItem, v: TimelineViewport, layout: TrackLayout): DraftGeometry | null {
  const top = layout.laneTops[item.lane];
  if (top === undefined) return null;
  const x0 = positionToX(v, item.start);
  const x1 = positionToX(v, item.end);
  if (x1 < -2 || x0 > v.width + 2) return null;
  const cx0 = Math.max(-2, x0);
  const cx1 = Math.min(v.width + 2, x1);
  const band = channelBand(layout, item.channel);
  return {
    x: cx0,
    width: Math.max(1, cx1 - cx0),
    startEdge: x0 >= -4,
    endEdge: x1 <= v.width + 4,
    shadeTop: band.top,
    shadeHeight: band.height,
    boxTop: top + LANE_HEADER + LANE_PADDING + item.row * ROW_HEIGHT + 1,
    boxHeight: ROW_HEIGHT - 2,
    badge: layout.channelCount > 1 ? channelName(item.channel, layout.channelCount, true) : '',
  };
}

function drawSegment(ctx: CanvasRenderingContext2D, f: FrameState, it: DrawItem, selected: boolean): void {
  const { viewport: v, layout, theme } = f;
  const top = layout.laneTops[it.lane];
  if (top === undefined) return;
  const y = top + LANE_HEADER + LANE_PADDING + it.row * ROW_HEIGHT + 1;
  const h = ROW_HEIGHT - 2;
  const x0 = positionToX(v, it.start);
  const x1 = positionToX(v, it.end);
  const cx0 = Math.max(-2, x0);
  const cx1 = Math.min(v.width + 2, x1);
  const width = Math.max(1, cx1 - cx0);
  ctx.fillStyle = it.color;
  ctx.globalAlpha = it.suggestion ? 0.18 : selected ? 0.55 : 0.35;
  ctx.fillRect(cx0, y, width, h);
  ctx.globalAlpha = 1;
  if (width >= 3 || selected) {
    ctx.strokeStyle = selected ? theme.text : it.color;
    ctx.lineWidth = selected ? 2 : 1;
    if (it.suggestion) ctx.setLineDash([4, 3]);
    ctx.strokeRect(cx0 + 0.5, y + 0.5, Math.max(0, width - 1), h - 1);
    if (it.suggestion) ctx.setLineDash([]);
  }
  if (selected) {
    // Edge handles.
    ctx.fillStyle = theme.text;
    if (x0 >= -4) ctx.fillRect(x0 - 2, y + 3, 4, h - 6);
    if (x1 <= v.width + 4) ctx.fillRect(x1 - 2, y + 3, 4, h - 6);
    // Selection shading over the waveform (its channel's band only, when it has one).
    const band = channelBand(layout, it.channel);
    ctx.fillStyle = it.color;
    ctx.globalAlpha = 0.18;
    ctx.fillRect(cx0, band.top, width, band.height);
    ctx.globalAlpha = 1;
  }
  // Channel badge (multichannel files only): the channel's short name in a small box at the start.
  const badge = layout.channelCount > 1 ? channelName(it.channel, layout.channelCount, true) : '';
  let textX = Math.max(cx0, 0) + 5;
  if (badge && width > 16) {
    ctx.font = '600 10px system-ui, sans-serif';
    const bw = Math.ceil(ctx.measureText(badge).width) + 6;
    const bx = Math.max(cx0, 0) + 2;
    ctx.fillStyle = theme.text;
    ctx.fillRect(bx, y + 3, bw, h - 6);
    ctx.fillStyle = theme.surface;
    ctx.fillText(badge, bx + 3, y + h / 2 + 3.5);
    textX = bx + bw + 4;
  }
  if (width > 28) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(cx0 + 3, y, width - 6, h);
    ctx.clip();
    ctx.fillStyle = theme.text;
    ctx.font = `${selected ? '600 ' : ''}11px system-ui, sans-serif`;
    ctx.fillText(it.suggestion ? `? ${it.caption}` : it.caption, textX, y + h / 2 + 4);
    ctx.restore();
  }
}

/** Draws the time ruler along the top. */
export function drawRuler(ctx: CanvasRenderingContext2D, v: TimelineViewport, theme: DrawTheme): void {
  ctx.fillStyle = theme.surface;
  ctx.fillRect(0, 0, v.width, RULER_HEIGHT);
  ctx.strokeStyle = theme.border;
  ctx.beginPath();
  ctx.moveTo(0, RULER_HEIGHT - 0.5);
  ctx.lineTo(v.width, RULER_HEIGHT - 0.5);
  ctx.stroke();
  const step = tickStep(v.pxPerUnit);
  const minor = step / 5;
  const { start, end } = visibleSpan(v);
  const digits = step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step)));
  ctx.fillStyle = theme.muted;
  ctx.font = '10px system-ui, sans-serif';
  ctx.beginPath();
  for (let t = Math.floor(start / minor) * minor; t <= end; t += minor) {
    const x = Math.round(positionToX(v, t)) + 0.5;
    const major = Math.abs(t / step - Math.round(t / step)) < 1e-6;
    ctx.moveTo(x, RULER_HEIGHT - (major ? 9 : 4));
    ctx.lineTo(x, RULER_HEIGHT);
    // A tick just off the left edge keeps its label off too (half a label would misread).
    if (major && t >= 0 && x >= 0) ctx.fillText(formatTime(Math.round(t / step) * step, digits), x + 3, 11);
  }
  ctx.strokeStyle = theme.muted;
  ctx.stroke();
}

/** Draws the overview's static part: the whole file's envelope and the segments' ticks, merged per colour (cache it; it changes only with the data). */
export function drawOverviewBase(ctx: CanvasRenderingContext2D, width: number, height: number, pyramid: PeaksPyramid | null, items: IntervalIndex<DrawItem> | null, duration: number, theme: DrawTheme, dpr = 1): void {
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = theme.stripe;
  ctx.fillRect(0, 0, width, height);
  if (pyramid && duration > 0) {
    // The first channel's envelope of the whole file, in the middle 90 % of the height.
    drawWaveform(ctx, { pyramid }, { length: duration, width, pxPerUnit: width / duration, scrollStart: 0 }, [{ top: height * 0.05, height: height * 0.9 }], theme.muted, dpr);
  }
  if (items) {
    ctx.globalAlpha = 0.6;
    for (const [color, runs] of overviewTicks(items.items, duration, width)) {
      ctx.fillStyle = color;
      ctx.beginPath();
      for (let i = 0; i < runs.length; i += 2) ctx.rect(runs[i]!, height - 5, runs[i + 1]! - runs[i]!, 4);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  }
}

/**
 * The overview's segment ticks, merged: for each colour, the pixel runs `[x0, x1, x0, x1, …]` covered
 * by its segments in a `width`-pixel overview of `duration` seconds (every segment at least 1 px).
 * O(items + width) per colour, so thousands of segments make a few rectangles, not thousands.
 */
export function overviewTicks(items: readonly { start: number; end: number; color: string }[], duration: number, width: number): Map<string, number[]> {
  const w = Math.max(0, Math.ceil(width));
  const cover = new Map<string, Int32Array>();
  for (const it of items) {
    let diff = cover.get(it.color);
    if (!diff) cover.set(it.color, (diff = new Int32Array(w + 1)));
    const [x0, x1] = overviewTickSpan(it, duration, width);
    diff[x0]!++;
    diff[x1]!--;
  }
  const out = new Map<string, number[]>();
  for (const [color, diff] of cover) {
    const runs: number[] = [];
    let depth = 0;
    let open = -1;
    for (let x = 0; x <= w; x++) {
      depth += diff[x]!;
      if (depth > 0 && open < 0) open = x;
      else if (depth <= 0 && open >= 0) {
        runs.push(open, x);
        open = -1;
      }
    }
    out.set(color, runs);
  }
  return out;
}

/**
 * The pixel columns `[x0, x1)` a segment's tick covers in a `width`-pixel overview of `duration`
 * seconds (at least one). Two segments with the same span and colour leave the overview unchanged.
 */
export function overviewTickSpan(it: { start: number; end: number }, duration: number, width: number): [number, number] {
  const w = Math.max(0, Math.ceil(width));
  const scale = duration > 0 ? width / duration : 0;
  const x0 = Math.min(w - 1, Math.max(0, Math.floor(it.start * scale)));
  const x1 = Math.min(w, Math.max(x0 + 1, Math.ceil(it.end * scale)));
  return [x0, x1];
}

/** Draws the overview's moving part over its cached base: the visible window and the playhead. */
export function drawOverviewWindow(ctx: CanvasRenderingContext2D, width: number, height: number, v: TimelineViewport, playhead: number, theme: DrawTheme): void {
  const full: TimelineViewport = { length: v.length, width, pxPerUnit: v.length > 0 ? width / v.length : 1, scrollStart: 0 };
  const vr = visibleSpan(v);
  const x0 = positionToX(full, vr.start);
  const x1 = positionToX(full, Math.min(v.length, vr.end));
  ctx.fillStyle = theme.accent;
  ctx.globalAlpha = 0.15;
  ctx.fillRect(x0, 0, Math.max(2, x1 - x0), height);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = theme.accent;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(x0 + 0.75, 0.75, Math.max(2, x1 - x0 - 1.5), height - 1.5);
  ctx.fillStyle = theme.playhead;
  ctx.fillRect(Math.round(positionToX(full, playhead)) - 1, 0, 2, height);
}

/**
 * The annotator's own spectrogram in the band `[top, top + height)` (CSS pixels), one column per device
 * pixel of the view (only those in `region`, when given), from `source` where it has samples; where it
 * has none (zoomed out past the window read), a hint to zoom in.
 */
function drawOwnSpectrogram(ctx: CanvasRenderingContext2D, source: SpectrogramSource | null, v: TimelineViewport, top: number, height: number, theme: DrawTheme, dpr: number, region?: Region): void {
  const all = Math.max(0, Math.round(v.width * dpr));
  const first = region ? Math.max(0, Math.floor(region.x * dpr)) : 0;
  const last = region ? Math.min(all, Math.ceil((region.x + region.width) * dpr)) : all;
  const cols = last - first;
  const y = Math.round(top * dpr);
  const rowsPx = Math.round((top + height) * dpr) - y;
  if (cols <= 0 || rowsPx <= 0 || !(v.pxPerUnit > 0)) return;
  if (source) {
    const secPerCol = 1 / (v.pxPerUnit * dpr);
    const { levels, missing } = spectrogramLevels(source, v.scrollStart + first * secPerCol, secPerCol, cols, rowsPx);
    // putImageData writes device pixels as they are, with no transform and no clip: with a region, only
    // the band's rows inside it are written (what is drawn over the band there, the playhead, stays).
    const r0 = region ? Math.max(0, Math.floor(region.y * dpr) - y) : 0;
    const r1 = region ? Math.min(rowsPx, Math.ceil((region.y + region.height) * dpr) - y) : rowsPx;
    if (r1 > r0 && missing.some((m) => m === 0)) ctx.putImageData(new ImageData(spectrogramPixels(levels, missing, cols, rowsPx), cols, rowsPx), first, y, 0, r0, cols, r1 - r0);
  }
  // Mostly without samples (zoomed out past the window read): say how to get the spectrogram. With a
  // region, its clip keeps the text to the region's part.
  const vis = visibleSpan(v);
  const covered = source ? Math.max(0, Math.min(vis.end, source.start + source.samples.length / source.sampleRate) - Math.max(vis.start, source.start)) / (vis.end - vis.start) : 0;
  if (covered < 0.5) {
    ctx.fillStyle = theme.muted;
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillText('Spectrogram: zoom in (it is drawn from the samples read where the view is zoomed in)', 8, top + height / 2 + 4);
  }
}
