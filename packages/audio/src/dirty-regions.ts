/**
 * Which parts of the track canvas a new frame changes, so the annotator redraws only those: a drag's
 * start and drop, a selection, a one-segment edit or the playhead repaint a few small rectangles, not
 * the whole canvas. Less to draw, and — what costs most in Chromium — less for the browser to paint,
 * raster and composite: the canvas is invalidated only where it was drawn on.
 *
 * {@link changedRegions} compares what the last drawn frame showed with what the next one shows. Any
 * change it cannot place (viewport, layout, lanes, theme, waveform, the active lane, the mark, a model
 * rebuilt rather than patched, a large selection change) asks for a full redraw (`null`).
 */
import { positionToX, type IntervalIndex, type TimelineViewport } from '@labelkit/core';
import type { DrawItem, FrameState } from './draw.js';
import { LANE_HEADER, LANE_PADDING, ROW_HEIGHT, channelBand, type TrackLayout } from './layout.js';

/** A rectangle of the track canvas, CSS pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One segment replaced by another in the draw model (a one-segment edit, see `nextSegmentModel`). */
export interface ModelPatch {
  /** The index the patch was applied to. */
  from: IntervalIndex<DrawItem>;
  /** The segment's item before the edit, and after. */
  before: DrawItem;
  after: DrawItem;
}

/** A frame as drawn, with what is needed to compare it with the next. */
export interface DrawnFrame {
  frame: FrameState;
  /** The draw item of each id in `frame.index`. */
  byId: ReadonlyMap<string, DrawItem>;
  /** How `frame.index` was patched from the previous model's, when it was. */
  patch?: ModelPatch | null;
}

/** Above this many segments changing selection, a full redraw is cheaper than the regions. */
const MAX_ITEMS = 64;
/** Slack around a segment's extent: its edge handles reach 2 px outside it. */
const SLACK = 4;

/**
 * The regions of the canvas that differ between `prev` (the frame last drawn; `null`: none yet) and
 * `next`: `[]` when nothing to draw changed, `null` when everything must be redrawn. Regions may
 * overlap; see {@link mergeRegions}.
 */
export function changedRegions(prev: DrawnFrame | null, next: DrawnFrame): Region[] | null {
  if (!prev) return null;
  const a = prev.frame;
  const b = next.frame;
  if (!sameViewport(a.viewport, b.viewport) || !sameLayout(a.layout, b.layout) || a.lanes !== b.lanes || a.waveform !== b.waveform || (a.dpr ?? 1) !== (b.dpr ?? 1)) return null;
  if (a.activeLane !== b.activeLane || a.markStart !== b.markStart || !sameTheme(a.theme, b.theme)) return null;
  const v = b.viewport;
  const layout = b.layout;
  const out: Region[] = [];
  // Segments that may look different: the patched one, the hidden ones (the dragged segment), those whose selection changed.
  const ids = new Set<string>();
  if (a.index !== b.index) {
    const p = next.patch;
    if (!p || p.from !== a.index) return null;
    ids.add(p.before.id).add(p.after.id);
  }
  const hiddenA = a.hidden ?? null;
  const hiddenB = b.hidden ?? null;
  if (hiddenA !== hiddenB) {
    if (hiddenA !== null) ids.add(hiddenA);
    if (hiddenB !== null) ids.add(hiddenB);
  }
  if (a.selected !== b.selected) {
    for (const id of a.selected) if (!b.selected.has(id)) ids.add(id);
    for (const id of b.selected) if (!a.selected.has(id)) ids.add(id);
  }
  if (ids.size > MAX_ITEMS) return null;
  for (const id of ids) {
    // Where it was drawn and where it is drawn now (a hidden segment is drawn nowhere).
    const was = id === hiddenA ? undefined : prev.byId.get(id);
    const now = id === hiddenB ? undefined : next.byId.get(id);
    if (was === now && (!was || a.selected.has(id) === b.selected.has(id))) continue;
    if (was) out.push(...itemRegions(was, v, layout));
    if (now) out.push(...itemRegions(now, v, layout));
  }
  if (a.playhead !== b.playhead) out.push(...playheadRegion(a.playhead, v, layout), ...playheadRegion(b.playhead, v, layout));
  if (!samePreview(a.preview, b.preview)) out.push(...previewRegion(a.preview, v, layout), ...previewRegion(b.preview, v, layout));
  return mergeRegions(out);
}

/** Where a segment is drawn: its shading over the waveform (its channel's band) and its box in its lane's row. */
export function itemRegions(it: DrawItem, v: TimelineViewport, layout: TrackLayout): Region[] {
  const top = layout.laneTops[it.lane];
  const x0 = Math.max(0, positionToX(v, it.start) - SLACK);
  const x1 = Math.min(v.width, positionToX(v, it.end) + SLACK);
  if (top === undefined || x1 <= x0) return [];
  const band = channelBand(layout, it.channel);
  const y = top + LANE_HEADER + LANE_PADDING + it.row * ROW_HEIGHT + 1;
  return [
    { x: x0, y: band.top, width: x1 - x0, height: band.height },
    { x: x0, y: y - 2, width: x1 - x0, height: ROW_HEIGHT + 2 },
  ];
}

function playheadRegion(t: number, v: TimelineViewport, layout: TrackLayout): Region[] {
  const x = positionToX(v, t);
  if (x < -3 || x > v.width + 3) return [];
  const x0 = Math.max(0, x - 3);
  return [{ x: x0, y: 0, width: Math.min(v.width, x + 3) - x0, height: layout.height }];
}

function previewRegion(p: FrameState['preview'], v: TimelineViewport, layout: TrackLayout): Region[] {
  if (!p) return [];
  const x0 = Math.max(0, Math.min(positionToX(v, p.start), positionToX(v, p.end)) - 2);
  const x1 = Math.min(v.width, Math.max(positionToX(v, p.start), positionToX(v, p.end)) + 2);
  if (x1 <= x0) return [];
  return [{ x: x0, y: layout.waveTop - 1, width: x1 - x0, height: layout.height - layout.waveTop + 1 }];
}

/** `regions` with every group of overlapping rectangles replaced by their bounding box (so no area is drawn twice). */
export function mergeRegions(regions: readonly Region[]): Region[] {
  const out = regions.filter((r) => r.width > 0 && r.height > 0).map((r) => ({ ...r }));
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const p = out[i]!;
        const q = out[j]!;
        if (p.x <= q.x + q.width && q.x <= p.x + p.width && p.y <= q.y + q.height && q.y <= p.y + p.height) {
          const x = Math.min(p.x, q.x);
          const y = Math.min(p.y, q.y);
          out[i] = { x, y, width: Math.max(p.x + p.width, q.x + q.width) - x, height: Math.max(p.y + p.height, q.y + q.height) - y };
          out.splice(j, 1);
          merged = true;
          break;
        }
      }
    }
  }
  return out;
}

/** `r` grown to whole device pixels (`dpr` per CSS pixel) and cut to the `width` × `height` canvas, or `null` when nothing is left. */
export function snapRegion(r: Region, dpr: number, width: number, height: number): Region | null {
  const d = dpr > 0 ? dpr : 1;
  const x0 = Math.max(0, Math.floor(r.x * d) / d);
  const y0 = Math.max(0, Math.floor(r.y * d) / d);
  const x1 = Math.min(width, Math.ceil((r.x + r.width) * d) / d);
  const y1 = Math.min(height, Math.ceil((r.y + r.height) * d) / d);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

function sameViewport(a: TimelineViewport, b: TimelineViewport): boolean {
  return a === b || (a.length === b.length && a.width === b.width && a.pxPerUnit === b.pxPerUnit && a.scrollStart === b.scrollStart);
}

function sameLayout(a: TrackLayout, b: TrackLayout): boolean {
  if (a === b) return true;
  if (a.waveTop !== b.waveTop || a.waveHeight !== b.waveHeight || a.channelCount !== b.channelCount || a.lanesTop !== b.lanesTop || a.height !== b.height) return false;
  if (a.laneTops.length !== b.laneTops.length) return false;
  for (let i = 0; i < a.laneTops.length; i++) if (a.laneTops[i] !== b.laneTops[i] || a.laneHeights[i] !== b.laneHeights[i]) return false;
  return true;
}

function sameTheme(a: FrameState['theme'], b: FrameState['theme']): boolean {
  return a === b || (a.text === b.text && a.muted === b.muted && a.border === b.border && a.surface === b.surface && a.stripe === b.stripe && a.accent === b.accent && a.playhead === b.playhead);
}

function samePreview(a: FrameState['preview'], b: FrameState['preview']): boolean {
  return a === b || (!!a && !!b && a.start === b.start && a.end === b.end && a.lane === b.lane);
}
