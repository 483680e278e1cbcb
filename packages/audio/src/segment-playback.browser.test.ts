import { describe, expect, it } from 'vitest';
import { playBufferSegment } from './segment-playback.js';

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
