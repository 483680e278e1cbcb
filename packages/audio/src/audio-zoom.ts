/**
 * How far the audio track zooms: down to a few pixels per sample, and — for wavesurfer's view, laid
 * out as one scrolling element under the spectrogram — no wider than a browser lays out an element.
 * The viewport itself is core's timeline viewport, in seconds.
 */
import { timelineZoomLimits, type TimelineZoomLimits } from '@labelkit/core';

/** Pixels per sample at the deepest zoom. */
export const PX_PER_SAMPLE = 8;

/** The widest an element laid out by the browser may be (wavesurfer's scrolling view), with a margin. */
export const MAX_ELEMENT_WIDTH = 16_000_000;

/**
 * Zoom limits of an audio track: from the whole file in `width` pixels to sample level at `sampleRate`;
 * `oneElement` when the view is laid out as one scrolling element (wavesurfer's, under the spectrogram).
 */
export function audioZoomLimits(duration: number, width: number, sampleRate: number, oneElement: boolean): TimelineZoomLimits {
  return timelineZoomLimits(duration, width, sampleRate * PX_PER_SAMPLE, oneElement ? MAX_ELEMENT_WIDTH : Infinity);
}
