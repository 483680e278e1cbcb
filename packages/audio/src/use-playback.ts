/**
 * Playback: play and pause through wavesurfer's media element, exact segment playback (from the
 * decoded buffer, or gated on the streamed media element; see `segment-playback.ts`), seeking, and the
 * clock that moves the playhead each frame while anything plays and keeps it in view.
 */
import { useCallback, useEffect, type RefObject } from 'react';
import { clampTimeline, revealSpan, visibleSpan } from '@labelkit/core';
import type { AudioCore } from './audio-core.js';
import { getAudioContext } from './audio-source.js';
import { mediaGate, playBufferSegment, playMediaSegment, type SegmentPlayback } from './segment-playback.js';
import { formatTime } from './time-format.js';
import type { TrackDrawing } from './use-track-drawing.js';
import type { ViewportControl } from './use-viewport.js';

/** What {@link usePlayback} returns. */
export interface Playback {
  /** Starts playback from the playhead (or says there is nothing to play). */
  play(): void;
  /** Pauses any playback. */
  pause(): void;
  /** Plays one segment (default: the selected one) and stops exactly at its end; resolves when it stops. */
  playSegment(id?: string): Promise<void>;
  /** Moves the playhead to `time` seconds (clamped to the audio), scrolling it into view. */
  seek(time: number): void;
}

/** Stops the segment playing, if any, and forgets it. */
function stopSegment(segPlayRef: RefObject<SegmentPlayback | null>): void {
  const s = segPlayRef.current;
  segPlayRef.current = null;
  s?.stop();
}

/**
 * Plays the audio and its segments, and runs the playback clock: while `core.playing`, the playhead
 * (`core.refs.playhead`) follows the audio each animation frame, the track redraws it and scrolls to
 * keep it in view, and the host's `onTimeUpdate` hears of it.
 */
export function usePlayback(core: AudioCore, view: ViewportControl, drawing: TrackDrawing): Playback {
  const { props, duration, playing, setPlaying, setTime, rate, loop, selectedSeg, live, announce } = core;
  const { ws: wsRef, media: mediaRef, segPlay: segPlayRef, playhead: playheadRef, viewport: viewportRef } = core.refs;
  const { setViewport } = view;
  const { invalidate } = drawing;

  // Playback clock: redraws the playhead each frame while playing and keeps it in view.
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    const tick = () => {
      const seg = segPlayRef.current;
      const ws = wsRef.current;
      const t = seg ? seg.timeAt(getAudioContext().currentTime) : (ws?.getCurrentTime() ?? playheadRef.current);
      playheadRef.current = t;
      const v = viewportRef.current;
      const vr = visibleSpan(v);
      if (t > vr.end || t < vr.start) setViewport(clampTimeline({ ...v, scrollStart: t - (v.width * 0.1) / v.pxPerUnit }));
      else invalidate();
      setTime(t);
      props.onTimeUpdate?.(t);
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, setViewport, invalidate]);

  const seek = useCallback(
    (t: number) => {
      const clamped = Math.min(Math.max(0, t), duration);
      playheadRef.current = clamped;
      wsRef.current?.setTime(clamped);
      setTime(clamped);
      const v = viewportRef.current;
      const vr = visibleSpan(v);
      if (clamped < vr.start || clamped > vr.end) setViewport(revealSpan(v, clamped, clamped));
      else invalidate();
    },
    [duration, setViewport, invalidate, playheadRef, wsRef, setTime, viewportRef],
  );

  const pause = useCallback(() => {
    stopSegment(segPlayRef);
    wsRef.current?.pause();
    setPlaying(false);
  }, [segPlayRef, wsRef, setPlaying]);

  const play = useCallback(() => {
    stopSegment(segPlayRef);
    const ws = wsRef.current;
    if (!ws || !props.src) {
      announce('Nothing to play: no audio source');
      return;
    }
    const ctx = getAudioContext();
    if (ctx.state === 'suspended') void ctx.resume();
    ws.setTime(playheadRef.current);
    void ws.play().catch(() => setPlaying(false));
    setPlaying(true);
  }, [props.src, announce, segPlayRef, wsRef, playheadRef, setPlaying]);

  const playSegment = useCallback(
    async (id?: string): Promise<void> => {
      const seg = id ? (live.current.model.byId.get(id) ?? undefined) : selectedSeg ? live.current.model.byId.get(selectedSeg.id) : undefined;
      if (!seg) {
        announce('Select a segment to play it');
        return;
      }
      stopSegment(segPlayRef);
      wsRef.current?.pause();
      const ctx = getAudioContext();
      if (ctx.state === 'suspended') await ctx.resume();
      let handle: SegmentPlayback;
      const buffer = live.current.source.buffer;
      if (buffer) handle = playBufferSegment(ctx, buffer, seg.start, seg.end, { rate, loop });
      else if (mediaRef.current && props.src) {
        mediaRef.current.playbackRate = rate;
        handle = playMediaSegment(mediaRef.current, mediaGate(mediaRef.current, ctx), seg.start, seg.end, { loop });
      } else {
        announce('Nothing to play: no audio source');
        return;
      }
      segPlayRef.current = handle;
      setPlaying(true);
      announce(`Playing segment ${formatTime(seg.start)} to ${formatTime(seg.end)}${loop ? ', looping' : ''}`);
      await handle.ended;
      if (segPlayRef.current === handle) {
        segPlayRef.current = null;
        setPlaying(false);
        playheadRef.current = seg.end;
        wsRef.current?.setTime(seg.end);
        setTime(seg.end);
        invalidate();
      }
    },
    [selectedSeg, rate, loop, props.src, announce, invalidate, live, segPlayRef, wsRef, mediaRef, playheadRef, setPlaying, setTime],
  );

  return { play, pause, playSegment, seek };
}
