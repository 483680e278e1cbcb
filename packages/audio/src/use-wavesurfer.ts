/**
 * wavesurfer.js: it holds the audio (the host's peaks, or the decoded samples; it never fetches or
 * decodes a file given as peaks), plays it through a media element, and hosts the spectrogram plugin.
 * The waveform itself is drawn on the track canvas (see CANVAS_OPTIONS), so wavesurfer's view is
 * hidden and kept in step with the track's viewport only while the spectrogram shows.
 */
import { useEffect, useRef } from 'react';
import WaveSurfer from 'wavesurfer.js';
import Spectrogram from 'wavesurfer.js/dist/plugins/spectrogram.esm.js';
import { clampTimeline, type TimelineViewport } from '@labelkit/core';
import type { AudioCore } from './audio-core.js';
import { DRAW_NOTHING, SPECTROGRAM_HEIGHT } from './audio-styles.js';
import type { TrackDrawing } from './use-track-drawing.js';
import type { ViewportControl } from './use-viewport.js';

/**
 * Moves wavesurfer's view (shown only with the spectrogram) to `v`; `relayout` re-renders it even at
 * the same zoom (after it was hidden, its layout is stale). Before its audio is loaded there is nothing to
 * lay out; its `ready` handler syncs again.
 */
export function syncWaveSurferView(ws: WaveSurfer, v: TimelineViewport, relayout: boolean): void {
  if (!ws.getDecodedData()) return;
  if (relayout || ws.options.minPxPerSec !== v.pxPerUnit) ws.zoom(v.pxPerUnit);
  ws.setScroll(Math.round(v.scrollStart * v.pxPerUnit));
}

/**
 * Creates wavesurfer (with its media element, in `core.refs.ws` and `core.refs.media`) once the audio
 * is ready and destroys it when the audio, `src` or the waveform height change or the annotator
 * unmounts; registers the spectrogram plugin while the spectrogram is on, and applies the playback rate.
 */
export function useWaveSurfer(core: AudioCore, view: ViewportControl, drawing: TrackDrawing): void {
  const { source, waveHeight, setPlaying, wsSpectroOn: spectroOn, rate } = core;
  const { src } = core.props;
  const { wave: waveRef, ws: wsRef, media: mediaRef, segPlay: segPlayRef, viewport: viewportRef } = core.refs;
  const { setViewport, limits } = view;
  const { invalidate } = drawing;
  const spectroRef = useRef<ReturnType<typeof Spectrogram.create> | null>(null);

  // wavesurfer and its media element (see the module's comment).
  useEffect(() => {
    const container = waveRef.current;
    if (!container || source.status !== 'ready' || !source.wavePeaks) return;
    const media = new Audio();
    media.preload = 'metadata';
    if (src) media.src = src;
    mediaRef.current = media;
    // One band per channel, `waveHeight / channels` high each: the same bands `channelBand` shades.
    const perChannel = Math.floor(waveHeight / Math.max(1, source.channelCount));
    const ws = WaveSurfer.create({
      container,
      peaks: source.wavePeaks,
      duration: source.duration,
      media,
      height: perChannel,
      renderFunction: DRAW_NOTHING,
      cursorWidth: 0,
      interact: false,
      hideScrollbar: true,
      autoScroll: false,
      autoCenter: false,
      fillParent: true,
      minPxPerSec: viewportRef.current.pxPerUnit,
      ...(source.channelCount > 1 ? { splitChannels: Array.from({ length: source.channelCount }, () => ({ height: perChannel })) } : {}),
    });
    wsRef.current = ws;
    const onPause = () => {
      if (!segPlayRef.current) setPlaying(false);
    };
    ws.on('pause', onPause);
    ws.on('finish', onPause);
    ws.on('ready', () => setViewport({ ...viewportRef.current }));
    setViewport({ ...viewportRef.current });
    return () => {
      // The segment playing when wavesurfer goes (`usePlayback` sets it) stops with it.
      segPlayRef.current?.stop();
      segPlayRef.current = null;
      ws.destroy();
      wsRef.current = null;
      spectroRef.current = null;
      media.pause();
      media.removeAttribute('src');
      mediaRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, src, waveHeight]);

  // Spectrogram plugin (decoded audio only), under wavesurfer's (hidden) waveform canvases.
  useEffect(() => {
    const ws = wsRef.current;
    if (!ws) return;
    if (spectroOn && !spectroRef.current) {
      // Its view is one scrolling element: zoomed past the widest one, zoom out to it first.
      const capped = clampTimeline(viewportRef.current, limits());
      if (capped !== viewportRef.current) setViewport(capped);
      // wavesurfer's view was hidden (display: none) until this commit: lay it out at the current zoom first.
      syncWaveSurferView(ws, viewportRef.current, true);
      spectroRef.current = ws.registerPlugin(Spectrogram.create({ height: SPECTROGRAM_HEIGHT, labels: false, splitChannels: false }));
      syncWaveSurferView(ws, viewportRef.current, false);
    } else if (!spectroOn && spectroRef.current) {
      ws.unregisterPlugin(spectroRef.current);
      spectroRef.current.destroy();
      spectroRef.current = null;
    }
    invalidate();
  }, [spectroOn, source, invalidate, limits, setViewport, wsRef, viewportRef]);

  useEffect(() => {
    wsRef.current?.setPlaybackRate(rate, true);
  }, [rate, source, wsRef]);
}
