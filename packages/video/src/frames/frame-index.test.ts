import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demuxVideo } from './demux.js';
import { buildFrameIndex, decodeRunFor, frameAtTime, frameCentre, frameWithTimestamp, isDecodableFrom, type FrameIndex } from './frame-index.js';

// The test videos are made by test-media/make.sh (ffmpeg); ffprobe's list of each one's frames is
// committed beside it, and is the reference here.
const media = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../test-media');
const bytes = (name: string) => new Uint8Array(readFileSync(path.join(media, name)));
interface Probe {
  frames: { pts_time: string; key_frame: number }[];
  streams: { width: number; height: number; r_frame_rate: string }[];
}
const probe = (name: string): Probe => JSON.parse(readFileSync(path.join(media, `${name}.frames.json`), 'utf8')) as Probe;

async function indexOf(name: string) {
  const video = await demuxVideo(bytes(name));
  video.input.dispose();
  return video;
}

function expectMatchesProbe(index: FrameIndex, p: Probe) {
  const frames = p.frames.map((f) => ({ t: Number(f.pts_time), key: f.key_frame === 1 })).sort((a, b) => a.t - b.t);
  const reference = frames.map((f) => f.t);
  expect(index.frameCount).toBe(reference.length);
  // Keyframes: the frames each decode starts at themselves.
  const keys = index.startKeyOfFrame.flatMap((d, n) => (d === index.decodeIndexOfFrame[n] ? [n] : []));
  expect(keys).toEqual(frames.flatMap((f, n) => (f.key ? [n] : [])));
  index.timestamps.forEach((t, n) => expect(Math.abs(t - reference[n]!)).toBeLessThan(1e-5));
  for (let n = 1; n < index.frameCount; n++) expect(index.timestamps[n]!).toBeGreaterThan(index.timestamps[n - 1]!);
}

describe('frame index of real files', () => {
  it('H.264 with B-frames at 29.97 fps starting at 1.5 s: 90 frames in presentation order, fps 30000/1001', async () => {
    const name = 'h264-bframes-29.97fps-start1.5s.mp4';
    const { index, width, height } = await indexOf(name);
    expectMatchesProbe(index, probe(name));
    expect(index.frameCount).toBe(90);
    expect(index.timestamps[0]).toBeCloseTo(1.5, 6);
    index.timestamps.forEach((t, n) => expect(t).toBeCloseTo(1.5 + (n * 1001) / 30000, 4));
    expect(index.fps).toBeCloseTo(30000 / 1001, 6);
    expect([width, height]).toEqual([320, 240]);
    // B-frames: the file stores frames out of presentation order (each P before the B-frames shown
    // before it), and the index undoes that.
    const outOfOrder = index.decodeIndexOfFrame.filter((d, n) => d !== n).length;
    expect(outOfOrder).toBeGreaterThan(40);
    expect(index.decodeIndexOfFrame.slice(0, 5)).toEqual([0, 2, 3, 4, 1]);
    // A keyframe every 30 frames: frames 0-29 decode from packet 0, 30-59 from packet 30.
    expect(index.startKeyOfFrame[29]).toBe(0);
    expect(index.startKeyOfFrame[30]).toBe(30);
    expect(index.startKeyOfFrame[89]).toBe(60);
  });

  it('VP9 WebM at 25 fps: 60 frames from 0 s', async () => {
    const name = 'vp9-25fps.webm';
    const { index } = await indexOf(name);
    expectMatchesProbe(index, probe(name));
    expect(index.frameCount).toBe(60);
    expect(index.timestamps[0]).toBe(0);
    expect(index.fps).toBeCloseTo(25, 6);
    expect(index.startKeyOfFrame[25]).toBe(20);
  });

  it('variable frame rate: 1/30 s, then 1/10 s, then 1/60 s steps, and a mean fps over the whole span', async () => {
    const name = 'vfr-30-10-60fps.mp4';
    const { index } = await indexOf(name);
    expectMatchesProbe(index, probe(name));
    const step = (n: number) => index.timestamps[n + 1]! - index.timestamps[n]!;
    expect(step(5)).toBeCloseTo(1 / 30, 4);
    expect(step(25)).toBeCloseTo(1 / 10, 4);
    expect(step(45)).toBeCloseTo(1 / 60, 4);
    const span = index.timestamps[59]! - index.timestamps[0]!;
    expect(span).toBeCloseTo(20 / 30 + 2 + 19 / 60, 3);
    expect(index.fps).toBeCloseTo(59 / span, 6);
    // What currentTime × fps would say at frame 45's time, against the true frame there.
    expect(Math.floor(index.timestamps[45]! * index.fps)).not.toBe(45);
    expect(frameAtTime(index, index.timestamps[45]!)).toBe(45);
  });
});

describe('frame lookups', () => {
  // Decode order I P B B (B-frames shown before the P), timestamps from 1.0 s, one key packet.
  const index = buildFrameIndex([
    { timestamp: 1.0, key: true },
    { timestamp: 1.3, key: false },
    { timestamp: 1.1, key: false },
    { timestamp: 1.2, key: false },
    { timestamp: 1.4, key: true },
    { timestamp: 1.5, key: false },
  ]);

  it('sorts packets into presentation order and keeps where each was in decode order', () => {
    expect(index.timestamps).toEqual([1.0, 1.1, 1.2, 1.3, 1.4, 1.5]);
    expect(index.decodeIndexOfFrame).toEqual([0, 2, 3, 1, 4, 5]);
    expect(index.frameOfDecodeIndex).toEqual([0, 3, 1, 2, 4, 5]);
    expect(index.fps).toBeCloseTo(10, 9);
  });

  it('finds the frame on screen at a time, and the frame with a (rounded) timestamp', () => {
    expect(frameAtTime(index, 0.5)).toBe(-1);
    expect(frameAtTime(index, 1.0)).toBe(0);
    expect(frameAtTime(index, 1.19)).toBe(1);
    expect(frameAtTime(index, 9)).toBe(5);
    expect(frameWithTimestamp(index, 1.2000004)).toBe(2);
    expect(frameWithTimestamp(index, 1.25)).toBe(-1);
    expect(frameCentre(index, 1)).toBeCloseTo(1.15, 9);
    expect(frameCentre(index, 5)).toBeCloseTo(1.55, 9);
  });

  it('plans decode runs from the key packet each frame needs', () => {
    expect(decodeRunFor(index, 1, 2)).toEqual({ start: 0, end: 3 });
    expect(decodeRunFor(index, 3, 3)).toEqual({ start: 0, end: 1 });
    expect(decodeRunFor(index, 4, 5)).toEqual({ start: 4, end: 5 });
    expect(isDecodableFrom(index, 5, 4)).toBe(true);
    expect(isDecodableFrom(index, 3, 4)).toBe(false);
  });

  it('starts a leading picture of an open GOP (shown before its key packet) one key earlier', () => {
    const open = buildFrameIndex([
      { timestamp: 0, key: true },
      { timestamp: 0.1, key: false },
      { timestamp: 0.3, key: true },
      { timestamp: 0.2, key: false }, // shown before the key packet stored ahead of it
    ]);
    expect(open.startKeyOfFrame).toEqual([0, 0, 0, 2]);
    expect(decodeRunFor(open, 2, 2)).toEqual({ start: 0, end: 3 });
  });

  it('refuses a track with two frames at one time, or none', () => {
    expect(() => buildFrameIndex([])).toThrow(/no packets/);
    expect(() => buildFrameIndex([{ timestamp: 0, key: true }, { timestamp: 0, key: false }])).toThrow(/frames 0 and 1 share/);
    expect(() => buildFrameIndex([{ timestamp: 0, key: false }])).toThrow(/no key packet/);
  });
});
