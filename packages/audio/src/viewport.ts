/**
 * The visible window onto the timeline: how many pixels a second takes (`pxPerSec`) and which time
 * sits at the left edge (`scrollTime`). Pure functions; every zoom keeps the time under an anchor
 * pixel fixed, and every result is clamped so the view never leaves the audio.
 */

/** A horizontal zoom/scroll viewport over `[0, duration]` seconds. */
export interface Viewport {
  /** Audio duration, seconds. */
  duration: number;
  /** Width of the view, CSS pixels. */
  width: number;
  /** Zoom: CSS pixels per second. */
  pxPerSec: number;
  /** Time at the left edge, seconds. */
  scrollTime: number;
}

/** Zoom bounds of a viewport. */
export interface ZoomLimits {
  /** Whole file in view. */
  min: number;
  /** Most zoomed in. */
  max: number;
}

/**
 * Zoom limits: from the whole file in `width` pixels to `maxPxPerSec` (sample level: a few pixels per
 * sample), and never wider than `maxScrollWidth` pixels in total. The track is drawn on one canvas the
 * width of the view, so only a view laid out as one scrolling element (wavesurfer's, under the
 * spectrogram) needs that cap; browsers limit element widths to about 16.7 million pixels.
 */
export function zoomLimits(duration: number, width: number, maxPxPerSec: number, maxScrollWidth = Infinity): ZoomLimits {
  const min = duration > 0 ? width / duration : 1;
  const max = Math.max(min, Math.min(maxPxPerSec, duration > 0 ? maxScrollWidth / duration : Infinity));
  return { min, max };
}

/** Pixels per sample at the deepest zoom. */
export const PX_PER_SAMPLE = 8;

/** The widest an element laid out by the browser may be (wavesurfer's scrolling view), with a margin. */
export const MAX_ELEMENT_WIDTH = 16_000_000;

/** A viewport showing the whole file. */
export function fitViewport(duration: number, width: number): Viewport {
  return { duration, width, pxPerSec: duration > 0 ? width / duration : 1, scrollTime: 0 };
}

/** Seconds → x in CSS pixels from the view's left edge. */
export function timeToX(v: Viewport, t: number): number {
  return (t - v.scrollTime) * v.pxPerSec;
}

/** x in CSS pixels from the view's left edge → seconds (not clamped). */
export function xToTime(v: Viewport, x: number): number {
  return v.scrollTime + x / v.pxPerSec;
}

/** The visible time range `[start, end)`. */
export function visibleRange(v: Viewport): { start: number; end: number } {
  return { start: v.scrollTime, end: v.scrollTime + v.width / v.pxPerSec };
}

/** `v` with `scrollTime` clamped so the view stays inside the audio. */
export function clampViewport(v: Viewport, limits?: ZoomLimits): Viewport {
  const pxPerSec = limits ? Math.min(limits.max, Math.max(limits.min, v.pxPerSec)) : v.pxPerSec;
  const span = v.width / pxPerSec;
  const maxScroll = Math.max(0, v.duration - span);
  const scrollTime = Math.min(maxScroll, Math.max(0, v.scrollTime));
  return pxPerSec === v.pxPerSec && scrollTime === v.scrollTime ? v : { ...v, pxPerSec, scrollTime };
}

/** Zooms by `factor` (>1 zooms in) keeping the time under pixel `anchorX` where it is, within `limits`. */
export function zoomAt(v: Viewport, factor: number, anchorX: number, limits: ZoomLimits): Viewport {
  const anchorT = xToTime(v, anchorX);
  const pxPerSec = Math.min(limits.max, Math.max(limits.min, v.pxPerSec * factor));
  return clampViewport({ ...v, pxPerSec, scrollTime: anchorT - anchorX / pxPerSec }, limits);
}

/** Scrolls by `dx` CSS pixels (positive moves later in time). */
export function scrollBy(v: Viewport, dx: number): Viewport {
  return clampViewport({ ...v, scrollTime: v.scrollTime + dx / v.pxPerSec });
}

/** Scrolls the least amount that brings `[start, end)` into view (with `margin` pixels), centring it if it is wider than the view. */
export function revealRange(v: Viewport, start: number, end: number, margin = 24): Viewport {
  const span = v.width / v.pxPerSec;
  const m = margin / v.pxPerSec;
  let scrollTime = v.scrollTime;
  if (end - start + 2 * m > span) scrollTime = (start + end) / 2 - span / 2;
  else if (start - m < v.scrollTime) scrollTime = start - m;
  else if (end + m > v.scrollTime + span) scrollTime = end + m - span;
  return clampViewport({ ...v, scrollTime });
}

/** `v` resized to `width` pixels; keeps showing the whole file if it did, else keeps the zoom. */
export function resizeViewport(v: Viewport, width: number, limits: ZoomLimits): Viewport {
  const wasFit = v.pxPerSec * v.duration <= v.width + 0.5;
  if (wasFit) return fitViewport(v.duration, width);
  return clampViewport({ ...v, width }, limits);
}
