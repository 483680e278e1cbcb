/**
 * The visible window onto a timeline of positions `[0, length]` — seconds for audio, frames or seconds
 * for video: how many pixels one unit takes (`pxPerUnit`) and which position sits at the left edge
 * (`scrollStart`). Pure functions; every zoom keeps the position under an anchor pixel fixed, and
 * every result is clamped so the view never leaves the timeline.
 */

/** A horizontal zoom/scroll viewport over the positions `[0, length]` of a timeline. */
export interface TimelineViewport {
  /** Length of the timeline, in its unit (seconds, frames, ...). */
  length: number;
  /** Width of the view, CSS pixels. */
  width: number;
  /** Zoom: CSS pixels per unit. */
  pxPerUnit: number;
  /** Position at the left edge. */
  scrollStart: number;
}

/** Zoom bounds of a {@link TimelineViewport}, in pixels per unit. */
export interface TimelineZoomLimits {
  /** The whole timeline in view. */
  min: number;
  /** Most zoomed in. */
  max: number;
}

/**
 * Zoom limits: from the whole timeline in `width` pixels to `maxPxPerUnit`, and never wider than
 * `maxScrollWidth` pixels in total (for a view laid out as one scrolling element: browsers limit
 * element widths to about 16.7 million pixels; a view drawn on one canvas the width of the view needs
 * no cap).
 */
export function timelineZoomLimits(length: number, width: number, maxPxPerUnit: number, maxScrollWidth = Infinity): TimelineZoomLimits {
  const min = length > 0 ? width / length : 1;
  const max = Math.max(min, Math.min(maxPxPerUnit, length > 0 ? maxScrollWidth / length : Infinity));
  return { min, max };
}

/** A viewport showing the whole timeline. */
export function fitTimeline(length: number, width: number): TimelineViewport {
  return { length, width, pxPerUnit: length > 0 ? width / length : 1, scrollStart: 0 };
}

/** Position → x in CSS pixels from the view's left edge. */
export function positionToX(v: TimelineViewport, p: number): number {
  return (p - v.scrollStart) * v.pxPerUnit;
}

/** x in CSS pixels from the view's left edge → position (not clamped). */
export function xToPosition(v: TimelineViewport, x: number): number {
  return v.scrollStart + x / v.pxPerUnit;
}

/** The visible positions `[start, end)`. */
export function visibleSpan(v: TimelineViewport): { start: number; end: number } {
  return { start: v.scrollStart, end: v.scrollStart + v.width / v.pxPerUnit };
}

/** `v` with `scrollStart` clamped so the view stays inside the timeline (and, given `limits`, the zoom within them). */
export function clampTimeline(v: TimelineViewport, limits?: TimelineZoomLimits): TimelineViewport {
  const pxPerUnit = limits ? Math.min(limits.max, Math.max(limits.min, v.pxPerUnit)) : v.pxPerUnit;
  const span = v.width / pxPerUnit;
  const maxScroll = Math.max(0, v.length - span);
  const scrollStart = Math.min(maxScroll, Math.max(0, v.scrollStart));
  return pxPerUnit === v.pxPerUnit && scrollStart === v.scrollStart ? v : { ...v, pxPerUnit, scrollStart };
}

/** Zooms by `factor` (>1 zooms in) keeping the position under pixel `anchorX` where it is, within `limits`. */
export function zoomTimelineAt(v: TimelineViewport, factor: number, anchorX: number, limits: TimelineZoomLimits): TimelineViewport {
  const anchor = xToPosition(v, anchorX);
  const pxPerUnit = Math.min(limits.max, Math.max(limits.min, v.pxPerUnit * factor));
  return clampTimeline({ ...v, pxPerUnit, scrollStart: anchor - anchorX / pxPerUnit }, limits);
}

/** Scrolls by `dx` CSS pixels (positive moves later along the timeline). */
export function scrollTimelineBy(v: TimelineViewport, dx: number): TimelineViewport {
  return clampTimeline({ ...v, scrollStart: v.scrollStart + dx / v.pxPerUnit });
}

/** Scrolls the least amount that brings `[start, end)` into view (with `margin` pixels), centring it if it is wider than the view. */
export function revealSpan(v: TimelineViewport, start: number, end: number, margin = 24): TimelineViewport {
  const span = v.width / v.pxPerUnit;
  const m = margin / v.pxPerUnit;
  let scrollStart = v.scrollStart;
  if (end - start + 2 * m > span) scrollStart = (start + end) / 2 - span / 2;
  else if (start - m < v.scrollStart) scrollStart = start - m;
  else if (end + m > v.scrollStart + span) scrollStart = end + m - span;
  return clampTimeline({ ...v, scrollStart });
}

/** `v` resized to `width` pixels; keeps showing the whole timeline if it did, else keeps the zoom. */
export function resizeTimeline(v: TimelineViewport, width: number, limits: TimelineZoomLimits): TimelineViewport {
  const wasFit = v.pxPerUnit * v.length <= v.width + 0.5;
  if (wasFit) return fitTimeline(v.length, width);
  return clampTimeline({ ...v, width }, limits);
}
