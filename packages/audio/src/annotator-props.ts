/**
 * The public types of the audio annotator: its props, its imperative handle and the draft of a dragged
 * segment (re-exported by `AudioSegmentAnnotator.tsx`).
 */
import type { AnnotatorHandle, AnnotatorProps } from '@labelkit/react';
import type { TimelineViewport } from '@labelkit/core';
import type { LaneBy } from './lanes.js';

/** Imperative handle of {@link AudioSegmentAnnotator}: the common handle plus playback and view control. */
export interface AudioSegmentAnnotatorHandle extends AnnotatorHandle {
  /** Starts playback from the playhead. */
  play(): void;
  /** Pauses any playback. */
  pause(): void;
  /** Plays one segment (default: the selected one) and stops exactly at its end. Resolves when it stops. */
  playSegment(id?: string): Promise<void>;
  /** Moves the playhead to `time` seconds. */
  seek(time: number): void;
  /** The playhead, seconds. */
  getCurrentTime(): number;
  /** True while anything plays. */
  isPlaying(): boolean;
  /** The current zoom/scroll viewport (core's timeline viewport, in seconds: `length` is the duration, `pxPerUnit` pixels per second, `scrollStart` the time at the left edge). */
  getViewport(): TimelineViewport;
  /** Zooms to `pxPerSecond` CSS pixels per second, keeping `anchorTime` (default: the view's centre) where it is. */
  zoomTo(pxPerSecond: number, anchorTime?: number): void;
  /** Scrolls so `time` is at the left edge. */
  scrollTo(time: number): void;
}

/** Props of {@link AudioSegmentAnnotator}. */
export interface AudioSegmentAnnotatorProps extends AnnotatorProps {
  /** Audio URL. Decoded in full unless `peaks` and `duration` are given; streamed by an `<audio>` element for playback. The only URL ever fetched. */
  src?: string;
  /** Precomputed peaks, one array per channel (wavesurfer's format). With `duration`, the file is never fetched whole or decoded. */
  peaks?: Array<Float32Array | number[]>;
  /** Duration in seconds that goes with `peaks`. */
  duration?: number;
  /**
   * Sample rate of the audio given as `peaks` (default 48,000, or what the file's header says when it
   * is read): the deepest zoom is a few pixels per sample. Decoded audio knows its own.
   */
  sampleRate?: number;
  /** Lanes: one per label (default) or one per value of an attribute, e.g. `{ attribute: 'speaker' }`. */
  laneBy?: LaneBy;
  /** Shortest segment in seconds (default 0.05). */
  minLength?: number;
  /** Snap created and resized edges to zero crossings at first (toggle with Shift+S). Needs decoded audio. */
  defaultSnapToZeroCrossings?: boolean;
  /** Show the spectrogram at first (toggle with S). Needs decoded audio. */
  defaultShowSpectrogram?: boolean;
  /** Height of the waveform band in CSS pixels (default 120). */
  waveHeight?: number;
  /** Called as the playhead moves (during playback at display rate). */
  onTimeUpdate?(time: number): void;
}
