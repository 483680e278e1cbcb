/**
 * Canvas drawing of the annotator: ruler, lanes and every visible segment on one canvas layer
 * (culled with the interval index), plus the overview. Text is drawn with `fillText` only, so label
 * names and transcripts can never become markup.
 */
import type { IntervalIndex } from './interval-index.js';
import type { Lane } from './lanes.js';
import { LANE_HEADER, LANE_PADDING, ROW_HEIGHT, RULER_HEIGHT, type TrackLayout } from './layout.js';
import { peaksForRange, type PeaksPyramid } from './peaks.js';
import { formatTime, tickStep } from './time-format.js';
import { timeToX, visibleRange, type Viewport } from './viewport.js';

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
  viewport: Viewport;
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
}

const LANE_TITLE_WIDTH = 0;

/** Draws one frame of the track canvas (already scaled for devicePixelRatio). */
export function drawFrame(ctx: CanvasRenderingContext2D, f: FrameState): void {
  const { viewport: v, layout, theme } = f;
  const w = v.width;
  ctx.clearRect(0, 0, w, layout.height);
  drawRuler(ctx, v, theme);
  // Lane stripes and titles.
  ctx.font = '11px system-ui, sans-serif';
  for (let i = 0; i < f.lanes.length; i++) {
    const top = layout.laneTops[i]!;
    const h = layout.laneHeights[i]!;
    ctx.fillStyle = i % 2 ? theme.stripe : theme.surface;
    ctx.fillRect(0, top, w, h);
    if (i === f.activeLane) {
      ctx.fillStyle = f.lanes[i]!.color;
      ctx.fillRect(0, top, 3, h);
    }
  }
  const { start: t0, end: t1 } = visibleRange(v);
  // Faint spans over the waveform so speech turns are visible there too.
  ctx.globalAlpha = 0.1;
  f.index.forEach(t0, t1, (it) => {
    const x0 = Math.max(-1, timeToX(v, it.start));
    const x1 = Math.min(w + 1, timeToX(v, it.end));
    ctx.fillStyle = it.color;
    ctx.fillRect(x0, layout.waveTop, Math.max(1, x1 - x0), layout.waveHeight);
  });
  ctx.globalAlpha = 1;
  // Segments: one pass for fills, strokes and captions; the selected ones last, on top.
  const selectedItems: DrawItem[] = [];
  f.index.forEach(t0, t1, (it) => {
    if (f.selected.has(it.id)) selectedItems.push(it);
    else drawSegment(ctx, f, it, false);
  });
  for (const it of selectedItems) drawSegment(ctx, f, it, true);
  if (f.preview) {
    const p = f.preview;
    const lane = f.lanes[p.lane];
    const x0 = timeToX(v, p.start);
    const x1 = timeToX(v, p.end);
    ctx.fillStyle = lane?.color ?? theme.accent;
    ctx.globalAlpha = 0.25;
    ctx.fillRect(x0, layout.waveTop, x1 - x0, layout.height - layout.waveTop);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = lane?.color ?? theme.accent;
    ctx.lineWidth = 1;
    ctx.strokeRect(x0 + 0.5, layout.waveTop + 0.5, Math.max(1, x1 - x0 - 1), layout.height - layout.waveTop - 1);
  }
  if (f.markStart !== null) {
    const x = Math.round(timeToX(v, f.markStart)) + 0.5;
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
    const text = lane.title;
    ctx.fillStyle = theme.muted;
    ctx.fillText(text, LANE_TITLE_WIDTH + 9, top + 13, 150);
  }
  const px = timeToX(v, f.playhead);
  if (px >= -1 && px <= w + 1) {
    ctx.fillStyle = theme.playhead;
    ctx.fillRect(Math.round(px) - 1, 0, 2, layout.height);
  }
}

function drawSegment(ctx: CanvasRenderingContext2D, f: FrameState, it: DrawItem, selected: boolean): void {
  const { viewport: v, layout, theme } = f;
  const top = layout.laneTops[it.lane];
  if (top === undefined) return;
  const y = top + LANE_HEADER + LANE_PADDING + it.row * ROW_HEIGHT + 1;
  const h = ROW_HEIGHT - 2;
  const x0 = timeToX(v, it.start);
  const x1 = timeToX(v, it.end);
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
    // Selection shading over the waveform.
    ctx.fillStyle = it.color;
    ctx.globalAlpha = 0.18;
    ctx.fillRect(cx0, layout.waveTop, width, layout.waveHeight);
    ctx.globalAlpha = 1;
  }
  if (width > 28) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(cx0 + 3, y, width - 6, h);
    ctx.clip();
    ctx.fillStyle = theme.text;
    ctx.font = `${selected ? '600 ' : ''}11px system-ui, sans-serif`;
    ctx.fillText(it.suggestion ? `? ${it.caption}` : it.caption, Math.max(cx0, 0) + 5, y + h / 2 + 4);
    ctx.restore();
  }
}

/** Draws the time ruler along the top. */
export function drawRuler(ctx: CanvasRenderingContext2D, v: Viewport, theme: DrawTheme): void {
  ctx.fillStyle = theme.surface;
  ctx.fillRect(0, 0, v.width, RULER_HEIGHT);
  ctx.strokeStyle = theme.border;
  ctx.beginPath();
  ctx.moveTo(0, RULER_HEIGHT - 0.5);
  ctx.lineTo(v.width, RULER_HEIGHT - 0.5);
  ctx.stroke();
  const step = tickStep(v.pxPerSec);
  const minor = step / 5;
  const { start, end } = visibleRange(v);
  const digits = step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step)));
  ctx.fillStyle = theme.muted;
  ctx.font = '10px system-ui, sans-serif';
  ctx.beginPath();
  for (let t = Math.floor(start / minor) * minor; t <= end; t += minor) {
    const x = Math.round(timeToX(v, t)) + 0.5;
    const major = Math.abs(t / step - Math.round(t / step)) < 1e-6;
    ctx.moveTo(x, RULER_HEIGHT - (major ? 9 : 4));
    ctx.lineTo(x, RULER_HEIGHT);
    if (major && t >= 0) ctx.fillText(formatTime(Math.round(t / step) * step, digits), x + 3, 11);
  }
  ctx.strokeStyle = theme.muted;
  ctx.stroke();
}

/** Draws the overview's static part: the whole file's envelope and a tick per segment (cache it; it changes only with the data). */
export function drawOverviewBase(ctx: CanvasRenderingContext2D, width: number, height: number, pyramid: PeaksPyramid | null, items: IntervalIndex<DrawItem> | null, duration: number, theme: DrawTheme): void {
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = theme.stripe;
  ctx.fillRect(0, 0, width, height);
  const full: Viewport = { duration, width, pxPerSec: duration > 0 ? width / duration : 1, scrollTime: 0 };
  if (pyramid) {
    const env = peaksForRange(pyramid, 0, 0, duration, width);
    const mid = height / 2;
    ctx.fillStyle = theme.muted;
    for (let x = 0; x < width; x++) {
      const lo = env.min[x]!;
      const hi = env.max[x]!;
      if (Number.isNaN(lo)) continue;
      ctx.fillRect(x, mid - hi * mid * 0.9, 1, Math.max(1, (hi - lo) * mid * 0.9));
    }
  }
  if (items) {
    ctx.globalAlpha = 0.6;
    for (const it of items.items) {
      ctx.fillStyle = it.color;
      const x0 = timeToX(full, it.start);
      ctx.fillRect(x0, height - 5, Math.max(1, timeToX(full, it.end) - x0), 4);
    }
    ctx.globalAlpha = 1;
  }
}

/** Draws the overview's moving part over its cached base: the visible window and the playhead. */
export function drawOverviewWindow(ctx: CanvasRenderingContext2D, width: number, height: number, v: Viewport, playhead: number, theme: DrawTheme): void {
  const full: Viewport = { duration: v.duration, width, pxPerSec: v.duration > 0 ? width / v.duration : 1, scrollTime: 0 };
  const vr = visibleRange(v);
  const x0 = timeToX(full, vr.start);
  const x1 = timeToX(full, Math.min(v.duration, vr.end));
  ctx.fillStyle = theme.accent;
  ctx.globalAlpha = 0.15;
  ctx.fillRect(x0, 0, Math.max(2, x1 - x0), height);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = theme.accent;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(x0 + 0.75, 0.75, Math.max(2, x1 - x0 - 1.5), height - 1.5);
  ctx.fillStyle = theme.playhead;
  ctx.fillRect(Math.round(timeToX(full, playhead)) - 1, 0, 2, height);
}
