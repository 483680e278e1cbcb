/**
 * A generated long field recording for the stories: a mono 16-bit WAV (quiet noise with bird-like
 * chirps — frequency sweeps — every few seconds) held in a blob URL, its peaks (what a host would
 * precompute on its server, e.g. with audiowaveform), and a segment per chirp. The annotator gets
 * `peaks` + `duration` + `src`: it never fetches or decodes the file whole, and reads only the frames
 * of the visible stretch when zoomed in past the peaks. Generated, so no licence applies.
 */
import type { SegmentAnnotation } from '@labelkit/core';
import { seededRandom } from '../shared/seeded-random.js';

export interface LongRecording {
  /** Blob URL of the WAV file. */
  src: string;
  /** Peaks (max |sample| per bucket), `peaksPerSec` a second. */
  peaks: Float32Array[];
  duration: number;
  sampleRate: number;
  /** One bird-call segment per chirp. */
  segments: SegmentAnnotation[];
}

/** `minutes` of recording at `sampleRate` Hz, with peaks at `peaksPerSec` buckets a second. */
export function longRecording(minutes = 20, sampleRate = 8000, peaksPerSec = 20, seed = 5): LongRecording {
  const rnd = seededRandom(seed);
  const frames = Math.round(minutes * 60 * sampleRate);
  const samples = new Float32Array(frames);
  for (let i = 0; i < frames; i++) samples[i] = (rnd() - 0.5) * 0.03;
  const segments: SegmentAnnotation[] = [];
  for (let t = 1 + rnd() * 3; t < minutes * 60 - 2; t += 2.5 + rnd() * 6) {
    const len = 0.25 + rnd() * 0.9;
    const f0 = 1200 + rnd() * 800;
    const f1 = f0 + 400 + rnd() * 1200;
    const amp = 0.3 + rnd() * 0.5;
    const first = Math.round(t * sampleRate);
    const n = Math.round(len * sampleRate);
    let phase = 0;
    for (let k = 0; k < n && first + k < frames; k++) {
      const x = k / n;
      phase += (2 * Math.PI * (f0 + (f1 - f0) * x)) / sampleRate;
      samples[first + k]! += amp * Math.sin(Math.PI * x) * Math.sin(phase);
    }
    segments.push({ id: `chirp-${segments.length}`, kind: 'segment', label: 'bird', start: Math.round(t * 1000) / 1000, end: Math.round((t + len) * 1000) / 1000 });
  }
  const bucket = sampleRate / peaksPerSec;
  const peaks = new Float32Array(Math.ceil(frames / bucket));
  for (let i = 0; i < frames; i++) {
    const b = Math.floor(i / bucket);
    const a = Math.abs(samples[i]!);
    if (a > peaks[b]!) peaks[b] = a;
  }
  // RIFF/WAVE, PCM 16-bit mono.
  const bytes = new ArrayBuffer(44 + frames * 2);
  const v = new DataView(bytes);
  const tag = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  tag(0, 'RIFF');
  v.setUint32(4, 36 + frames * 2, true);
  tag(8, 'WAVE');
  tag(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, 1, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  tag(36, 'data');
  v.setUint32(40, frames * 2, true);
  const pcm = new Int16Array(bytes, 44, frames);
  for (let i = 0; i < frames; i++) pcm[i] = Math.round(Math.max(-1, Math.min(1, samples[i]!)) * 32767);
  const src = URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
  return { src, peaks: [peaks], duration: frames / sampleRate, sampleRate, segments };
}
