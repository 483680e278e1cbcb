/**
 * Sample-level waveform for a long file given as peaks: when the view is zoomed in past the finest
 * peaks bucket, the frames of the visible stretch (and as much again on each side) are read from the
 * WAV `src` with HTTP range requests (see wav-window.ts) and drawn instead of the peaks. Nothing is
 * fetched until the first time that happens; the header is read once; a new window is read only when
 * the view leaves the current one, after the zoom or scroll has paused (so a wheel gesture costs one
 * request, not one per event). Files that can't be read this way (not uncompressed WAV, or a server
 * that ignores range requests) keep the peaks, and say why once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { visibleSpan, type TimelineViewport } from '@labelkit/core';
import { DEFAULT_SAMPLE_RATE } from './audio-styles.js';
import { WavWindowError, readWavHeader, readWavWindow, type SampleWindow, type WavFormat } from './wav-window.js';

/** Most frames read in one window (about 40 s at 48 kHz): a wider view is drawn from the peaks. */
export const MAX_WINDOW_FRAMES = 2_000_000;
/** Quiet time after the last zoom or scroll before a window is read, ms. */
export const WINDOW_DELAY_MS = 150;

/** Where the sample window stands. */
export type SampleWindowStatus = { state: 'off' } | { state: 'idle' } | { state: 'loading' } | { state: 'ready' } | { state: 'unsupported'; reason: string };

/** What {@link useSampleWindow} returns. */
export interface SampleWindowResult {
  /** The frames read last, or null. */
  window: SampleWindow | null;
  /** The file's format once its header was read (its sample rate sets the deepest zoom). */
  format: WavFormat | null;
  status: SampleWindowStatus;
  /** To call on every viewport change (cheap): reads a window, after a pause, if the view needs one it doesn't have. */
  request(v: TimelineViewport, dpr: number): void;
}

/** The window `[from, to)` seconds to read for view `v`, or null when none is needed or it would be too long. */
export function windowToRead(v: TimelineViewport, dpr: number, finestPeaksRate: number, sampleRate: number, have: { from: number; to: number } | null): { from: number; to: number } | null {
  // Finer than the peaks: a device-pixel column is shorter than a bucket of the finest level.
  if (!(finestPeaksRate > 0) || v.pxPerUnit * dpr <= finestPeaksRate) return null;
  const { start, end } = visibleSpan(v);
  if (have && have.from <= start && have.to >= Math.min(end, v.length)) return null;
  const span = end - start;
  const margin = Math.min(span, Math.max(0, (MAX_WINDOW_FRAMES / sampleRate - span) / 2));
  if (span * sampleRate > MAX_WINDOW_FRAMES) return null;
  return { from: Math.max(0, start - margin), to: Math.min(v.length, end + margin) };
}

/**
 * Sample windows of `src` (see the module comment). `enabled` only for audio given as peaks with a
 * `src` (decoded audio has all its samples); `finestPeaksRate` is the finest peaks level's buckets per
 * second.
 */
export function useSampleWindow(src: string | undefined, enabled: boolean, finestPeaksRate: number): SampleWindowResult {
  const [win, setWin] = useState<SampleWindow | null>(null);
  const [format, setFormat] = useState<WavFormat | null>(null);
  const [status, setStatus] = useState<SampleWindowStatus>({ state: enabled ? 'idle' : 'off' });
  const st = useRef({ src, enabled, finestPeaksRate, format: null as WavFormat | null, have: null as { from: number; to: number } | null, timer: 0, abort: null as AbortController | null, failed: false, last: null as { v: TimelineViewport; dpr: number } | null });
  st.current.finestPeaksRate = finestPeaksRate;

  // A new file (or switched off): forget everything about the old one.
  useEffect(() => {
    const s = st.current;
    s.src = src;
    s.enabled = enabled;
    s.format = null;
    s.have = null;
    s.failed = false;
    setWin(null);
    setFormat(null);
    setStatus({ state: enabled && src ? 'idle' : 'off' });
    return () => {
      clearTimeout(s.timer);
      s.abort?.abort();
      s.abort = null;
    };
  }, [src, enabled]);

  const read = useCallback(async () => {
    const s = st.current;
    const last = s.last;
    if (!last || !s.src || !s.enabled || s.failed) return;
    const src = s.src;
    s.abort?.abort();
    const abort = new AbortController();
    s.abort = abort;
    try {
      setStatus({ state: 'loading' });
      if (!s.format) {
        s.format = await readWavHeader(src, abort.signal);
        if (abort.signal.aborted || s.src !== src) return;
        setFormat(s.format);
      }
      const range = windowToRead(last.v, last.dpr, s.finestPeaksRate, s.format.sampleRate, s.have);
      if (!range) {
        setStatus({ state: s.have ? 'ready' : 'idle' });
        return;
      }
      const w = await readWavWindow(src, s.format, range.from, range.to, abort.signal);
      if (abort.signal.aborted || s.src !== src) return;
      s.have = { from: w.start, to: w.start + (w.channels[0]?.length ?? 0) / w.sampleRate };
      setWin(w);
      setStatus({ state: 'ready' });
    } catch (e) {
      if (abort.signal.aborted || s.src !== src) return;
      // Not readable in windows (or the request failed): keep the peaks, and stop asking.
      s.failed = true;
      setStatus({ state: 'unsupported', reason: e instanceof WavWindowError ? e.message : e instanceof Error ? e.message : String(e) });
    } finally {
      if (s.abort === abort) s.abort = null;
    }
  }, []);

  const request = useCallback(
    (v: TimelineViewport, dpr: number) => {
      const s = st.current;
      if (!s.enabled || !s.src || s.failed) return;
      s.last = { v, dpr };
      // Without the header yet, assume the default rate (48 kHz) for the size check; the read re-checks.
      if (!windowToRead(v, dpr, s.finestPeaksRate, s.format?.sampleRate ?? DEFAULT_SAMPLE_RATE, s.have)) return;
      clearTimeout(s.timer);
      s.timer = window.setTimeout(() => void read(), WINDOW_DELAY_MS);
    },
    [read],
  );

  return { window: win, format, status, request };
}
