/**
 * Where the waveform and the segment-playback audio come from: precomputed peaks (never fetched or
 * decoded — long files), or the `src` decoded in full (short files: sample-level zoom, zero-crossing
 * snapping, sample-accurate segment playback).
 */
import { useEffect, useState } from 'react';
import { buildPeaksPyramid, peaksFromArrays, peaksFromChannels, type PeaksPyramid } from './peaks.js';

let shared: AudioContext | null = null;

/** One `AudioContext` for every annotator on the page (browsers limit how many may exist). */
export function getAudioContext(): AudioContext {
  if (!shared || shared.state === 'closed') shared = new AudioContext();
  return shared;
}

/** The loaded audio. */
export interface AudioSource {
  /** `loading` until peaks exist; `error` with `error` set when the file could not be read. */
  status: 'loading' | 'ready' | 'error';
  /** Duration, seconds. */
  duration: number;
  /** Sample rate of the decoded audio, or of the peaks (buckets per second) when not decoded. */
  sampleRate: number;
  /** Channel count. */
  channelCount: number;
  /** The decoded audio, when `src` was decoded (no `peaks` given). */
  buffer: AudioBuffer | null;
  /** Peaks for drawing at any zoom. */
  pyramid: PeaksPyramid | null;
  /** What wavesurfer draws: the decoded samples, or the host's peaks. */
  wavePeaks: Array<Float32Array | number[]> | null;
  /** Why loading failed. */
  error?: string;
}

const LOADING: AudioSource = { status: 'loading', duration: 0, sampleRate: 0, channelCount: 1, buffer: null, pyramid: null, wavePeaks: null };

/** Loads `src` (decoding it) unless `peaks` + `duration` are given, in which case nothing is fetched. */
export function useAudioSource(src: string | undefined, peaks: ReadonlyArray<Float32Array | number[]> | undefined, duration: number | undefined): AudioSource {
  const [state, setState] = useState<AudioSource>(LOADING);
  useEffect(() => {
    if (peaks && peaks.length && duration !== undefined && duration > 0) {
      const p = peaksFromArrays(peaks, duration);
      setState({ status: 'ready', duration, sampleRate: p.rate, channelCount: peaks.length, buffer: null, pyramid: buildPeaksPyramid(p, duration), wavePeaks: [...peaks] });
      return;
    }
    if (!src) {
      setState({ ...LOADING, status: 'error', error: 'No audio: give `src`, or `peaks` and `duration`.' });
      return;
    }
    const abort = new AbortController();
    setState(LOADING);
    (async () => {
      // The one request allowed: the media URL the host passed as `src`.
      // eslint-disable-next-line no-restricted-globals
      const res = await fetch(src, { signal: abort.signal });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const data = await res.arrayBuffer();
      const buffer = await getAudioContext().decodeAudioData(data);
      const channels = Array.from({ length: buffer.numberOfChannels }, (_, i) => buffer.getChannelData(i));
      const pyramid = buildPeaksPyramid(peaksFromChannels(channels, buffer.sampleRate, 2000), buffer.duration);
      if (!abort.signal.aborted) setState({ status: 'ready', duration: buffer.duration, sampleRate: buffer.sampleRate, channelCount: buffer.numberOfChannels, buffer, pyramid, wavePeaks: channels });
    })().catch((e: unknown) => {
      if (!abort.signal.aborted) setState({ ...LOADING, status: 'error', error: e instanceof Error ? e.message : String(e) });
    });
    return () => abort.abort();
  }, [src, peaks, duration]);
  return state;
}
