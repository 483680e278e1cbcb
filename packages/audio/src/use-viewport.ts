/**
 * The track's viewport (zoom and scroll): its limits, the one setter that also moves wavesurfer's view
 * and redraws, the zoom badge's text, the effect that fits it to the audio's duration and the track's
 * width, and the zoom and scroll commands of the toolbar, the keys and the imperative handle.
 */
import { useCallback, useEffect, useState } from 'react';
import { clampTimeline, fitTimeline, zoomTimelineAt, type TimelineViewport, type TimelineZoomLimits } from '@labelkit/core';
import { audioZoomLimits } from './audio-zoom.js';
import type { AudioCore } from './audio-core.js';
import { DEFAULT_SAMPLE_RATE, ZOOM_FACTOR } from './audio-styles.js';
import { formatTime } from './time-format.js';
import type { TrackDrawing } from './use-track-drawing.js';
import { syncWaveSurferView } from './use-wavesurfer.js';

/** What {@link useViewport} returns. */
export interface ViewportControl {
  /** The zoom limits of the current audio and view. */
  limits(): TimelineZoomLimits;
  /** Sets the viewport, pushes it to wavesurfer while its view is shown (the spectrogram) and redraws. */
  setViewport(next: TimelineViewport): void;
  /** The zoom badge's text ("Whole file", "8×"). */
  zoomLabel: string;
  /** Zooms by `factor` at the playhead (or the view's centre when it is off-screen) and says so. */
  zoomBy(factor: number): void;
  /** Zooms out to the whole file and says so. */
  zoomFit(): void;
  /** Zooms to `pxPerSecond` CSS pixels per second, keeping `anchorTime` (default: the view's centre) where it is. */
  zoomTo(pxPerSecond: number, anchorTime?: number): void;
  /** Scrolls so `time` is at the left edge. */
  scrollTo(time: number): void;
}

/**
 * Owns the viewport held in `core.refs.viewport`: changes go through `setViewport` (no React render
 * unless the zoom badge's text changes), and an effect keeps it fitted to the duration and the
 * track's width (a view zoomed in keeps its zoom when the track is resized).
 */
export function useViewport(core: AudioCore, drawing: TrackDrawing): ViewportControl {
  const { props, source, duration, live, announce } = core;
  const { viewport: viewportRef, ws: wsRef, track: trackRef, playhead: playheadRef } = core.refs;
  const { invalidate } = drawing;
  const [zoomLabel, setZoomLabel] = useState('');

  // Whole file to sample level at any length (the track canvas is only as wide as the view); capped by
  // the widest element only while wavesurfer's scrolling view shows the spectrogram.
  const sampleRate = source.buffer?.sampleRate ?? props.sampleRate ?? core.sampleWindow.format?.sampleRate ?? DEFAULT_SAMPLE_RATE;
  const requestWindow = core.sampleWindow.request;
  const limits = useCallback(
    () => audioZoomLimits(duration || 1, viewportRef.current.width, sampleRate, live.current.wsSpectroOn),
    [duration, sampleRate, viewportRef, live],
  );

  const setViewport = useCallback(
    (next: TimelineViewport) => {
      const prev = viewportRef.current;
      viewportRef.current = next;
      const ws = wsRef.current;
      if (ws && live.current.wsSpectroOn) syncWaveSurferView(ws, next, false);
      // Zoomed in past the peaks of a long file: its samples there, read after the view settles.
      requestWindow(next, window.devicePixelRatio || 1);
      if (prev.pxPerUnit !== next.pxPerUnit || prev.width !== next.width) setZoomLabel(next.pxPerUnit * (next.length || 1) <= next.width + 0.5 ? 'Whole file' : `${ZOOM_FACTOR.format(next.pxPerUnit / (next.width / (next.length || 1)))}×`);
      invalidate();
    },
    [invalidate, viewportRef, wsRef, live, requestWindow],
  );

  // A file that can't be read in windows keeps the peaks at every zoom: say so, once.
  const windowStatus = core.sampleWindow.status;
  useEffect(() => {
    if (windowStatus.state === 'unsupported') announce(`Waveform from the peaks only at this zoom: ${windowStatus.reason}`);
  }, [windowStatus, announce]);

  // The viewport follows the duration and the track's width.
  useEffect(() => {
    const track = trackRef.current;
    if (!track || !duration) return;
    const apply = () => {
      const width = Math.max(100, Math.floor(track.clientWidth));
      const cur = viewportRef.current;
      if (cur.length !== duration) setViewport(fitTimeline(duration, width));
      else if (cur.width !== width) {
        const wasFit = cur.pxPerUnit * cur.length <= cur.width + 0.5;
        setViewport(wasFit ? fitTimeline(duration, width) : clampTimeline({ ...cur, width }, limits()));
      }
    };
    apply();
    const ro = new ResizeObserver(apply);
    ro.observe(track);
    return () => ro.disconnect();
  }, [duration, setViewport, limits, trackRef, viewportRef]);

  const zoomBy = (factor: number) => {
    const v = viewportRef.current;
    const px = (playheadRef.current - v.scrollStart) * v.pxPerUnit;
    const anchor = px >= 0 && px <= v.width ? px : v.width / 2;
    const next = zoomTimelineAt(v, factor, anchor, limits());
    setViewport(next);
    announce(next.pxPerUnit * duration <= next.width + 0.5 ? 'Zoomed to the whole file' : `Zoom: ${formatTime(next.width / next.pxPerUnit, 3)} visible`);
  };

  const zoomFit = () => {
    setViewport(fitTimeline(duration, viewportRef.current.width));
    announce('Zoomed to the whole file');
  };

  const zoomTo = (pxPerSecond: number, anchorTime?: number) => {
    const v = viewportRef.current;
    const anchor = anchorTime === undefined ? v.width / 2 : (anchorTime - v.scrollStart) * v.pxPerUnit;
    setViewport(zoomTimelineAt(v, pxPerSecond / v.pxPerUnit, anchor, limits()));
  };

  const scrollTo = (t: number) => setViewport(clampTimeline({ ...viewportRef.current, scrollStart: t }));

  return { limits, setViewport, zoomLabel, zoomBy, zoomFit, zoomTo, scrollTo };
}
