import { describe, expect, it, vi } from 'vitest';
import { mediaGate, playBufferSegment, playMediaSegment } from './segment-playback.js';
import { encodeWav } from './test-utils/wav.js';

/** Renders a segment of a constant (DC) buffer offline and returns the sounding sample range. */
async function render(start: number, end: number, rate: number, loop = false): Promise<{ first: number; count: number; sr: number }> {
  const sr = 16000;
  const ctx = new OfflineAudioContext(1, sr * 2, sr);
  const buffer = ctx.createBuffer(1, sr * 3, sr);
  buffer.getChannelData(0).fill(0.5);
  playBufferSegment(ctx, buffer, start, end, { rate, loop });
  const out = (await ctx.startRendering()).getChannelData(0);
  let first = -1;
  let count = 0;
  for (let i = 0; i < out.length; i++) {
    if (Math.abs(out[i]!) > 1e-3) {
      if (first === -1) first = i;
      count++;
    }
  }
  return { first, count, sr };
}

describe('playBufferSegment (Web Audio clock)', () => {
  it('sounds exactly for the segment duration, to the sample', async () => {
    const r = await render(0.25, 0.75, 1);
    expect(r.first).toBe(0);
    expect(Math.abs(r.count - 0.5 * r.sr)).toBeLessThanOrEqual(1);
  });

  it('takes half the time at 2× and twice at 0.5×', async () => {
    expect(Math.abs((await render(1, 1.5, 2)).count - 0.25 * 16000)).toBeLessThanOrEqual(1);
    expect(Math.abs((await render(1, 1.5, 0.5)).count - 1.0 * 16000)).toBeLessThanOrEqual(1);
  });

  it('loops the segment until stopped', async () => {
    const r = await render(0.5, 0.6, 1, true);
    expect(r.count).toBe(2 * r.sr);
  });

  it('maps the audio clock to media time', () => {
    const ctx = new OfflineAudioContext(1, 16000, 16000);
    const b = ctx.createBuffer(1, 16000, 16000);
    const p = playBufferSegment(ctx, b, 0.2, 0.6, { rate: 2 });
    expect(p.timeAt(p.startedAt + 0.1)).toBeCloseTo(0.4, 9);
    expect(p.timeAt(p.startedAt + 10)).toBeCloseTo(0.6, 9);
  });
});

/** An AudioWorklet that posts every block it hears, so a test can read what left the gate, sample by sample. */
const TAP = `class Tap extends AudioWorkletProcessor {
  process(inputs) { const ch = inputs[0] && inputs[0][0]; if (ch) this.port.postMessage(ch.slice()); return true; }
}
registerProcessor('lk-tap', Tap);`;

/** Ramp WAV: sample value 0.1 + 0.2 t, so any sample that sounds tells the media time it came from (t = (v - 0.1) / 0.2). */
const RAMP_RATE = 16000;
const rampAt = (v: number) => (v - 0.1) / 0.2;
const rampUrl = () => URL.createObjectURL(new Blob([encodeWav([Float32Array.from({ length: RAMP_RATE * 4 }, (_, i) => 0.1 + (0.2 * i) / RAMP_RATE)], RAMP_RATE)], { type: 'audio/wav' }));

/** A media element on `url` routed through a gate whose output is recorded. */
async function tappedMedia(url: string) {
  const media = new Audio();
  media.preload = 'auto';
  media.src = url;
  await new Promise((r) => media.addEventListener('canplaythrough', r, { once: true }));
  const ctx = new AudioContext();
  await ctx.resume();
  await ctx.audioWorklet.addModule(URL.createObjectURL(new Blob([TAP], { type: 'text/javascript' })));
  const gate = mediaGate(media, ctx);
  const tap = new AudioWorkletNode(ctx, 'lk-tap');
  const heard: number[] = [];
  tap.port.onmessage = (e: MessageEvent<Float32Array>) => {
    for (const v of e.data) heard.push(v);
  };
  // Pulled through a muted sink, so the tap runs without adding to what plays.
  const sink = ctx.createGain();
  sink.gain.value = 0;
  gate.gain.connect(tap).connect(sink).connect(ctx.destination);
  return { media, ctx, gate, heard };
}

describe('playMediaSegment (streamed media: a gain cut on the audio clock)', () => {
  it('stops sounding at the segment end, measured on the samples leaving the gate, with no click after it', async () => {
    const url = rampUrl();
    for (const [start, end] of [
      [1, 1.5],
      [0.25, 2.2],
      [2.5, 3.05],
    ] as const) {
      const { media, ctx, gate, heard } = await tappedMedia(url);
      const playback = playMediaSegment(media, gate, start, end);
      await playback.ended;
      // Well past the cut and the clean-up 30 ms after it: a click from audio still on its way would show
      // here. Half a second more of recording, counted in samples heard (on a loaded machine the tap's
      // messages arrive late, so a fixed wait can leave too little recorded).
      const atEnd = heard.length;
      await vi.waitFor(() => expect(heard.length).toBeGreaterThanOrEqual(atEnd + 0.5 * ctx.sampleRate), { timeout: 5000 });
      const first = heard.findIndex((v) => Math.abs(v) > 0.02);
      expect(first).toBeGreaterThanOrEqual(0);
      let last = first;
      for (let i = first; i < heard.length; i++) if (heard[i] !== 0) last = i;
      // The last sample that sounded came from the segment's end: within 12 ms (measured here: -0.1 to +3.5 ms,
      // once -7.5 ms; the cut is placed from the element's clock against the audio clock at start, and moved
      // only when a later reading disagrees by 20 ms or more, as once seen on a loaded CI machine: 68 ms).
      expect(Math.abs(rampAt(heard[last]!) - end)).toBeLessThan(0.012);
      // And nothing after it: at least 200 ms of the recording after the cut is exact silence.
      expect((heard.length - 1 - last) / ctx.sampleRate).toBeGreaterThan(0.2);
      await ctx.close();
    }
  });

  it('opens the gate again for ordinary playback after a segment', async () => {
    const { media, ctx, gate, heard } = await tappedMedia(rampUrl());
    const playback = playMediaSegment(media, gate, 0.5, 0.6);
    await playback.ended;
    await new Promise((r) => setTimeout(r, 100));
    const afterSegment = heard.length;
    media.currentTime = 2;
    await media.play();
    await new Promise((r) => setTimeout(r, 300));
    media.pause();
    const sounding = heard.slice(afterSegment).filter((v) => Math.abs(v) > 0.02);
    expect(sounding.length / ctx.sampleRate).toBeGreaterThan(0.1);
    // From where it was asked to play (the middle of what sounded, clear of the start's transient).
    const t = rampAt(sounding[sounding.length >> 1]!);
    expect(t).toBeGreaterThan(2);
    expect(t).toBeLessThan(2.4);
    await ctx.close();
  });
});
