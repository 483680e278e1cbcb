import { afterEach, describe, expect, it, vi } from 'vitest';
import { playMediaSegment, type MediaGate } from './segment-playback.js';

/**
 * A media element and an audio clock that the test moves by hand: the element's clock runs `lag`
 * seconds ahead of what sounds until `settleAt` (audio-clock time), as an element still starting up on
 * a loaded machine does, then reads true.
 */
function rig(opts: { lag: number; settleAt: number }) {
  const clock = { now: 10 };
  let playingFrom: { ctx: number; media: number } | null = null;
  const media = {
    playbackRate: 1,
    _pos: 0,
    get currentTime(): number {
      if (!playingFrom) return this._pos;
      const truth = playingFrom.media + (clock.now - playingFrom.ctx);
      return truth + (clock.now < opts.settleAt ? opts.lag : 0);
    },
    set currentTime(t: number) {
      this._pos = t;
      if (playingFrom) playingFrom = { ctx: clock.now, media: t };
    },
    play() {
      playingFrom = { ctx: clock.now, media: this._pos };
      return Promise.resolve();
    },
    pause() {
      playingFrom = null;
    },
  };
  const cuts: Array<{ value: number; at: number }> = [];
  const gain = {
    gain: {
      cancelScheduledValues(t: number) {
        for (let i = cuts.length - 1; i >= 0; i--) if (cuts[i]!.at >= t) cuts.splice(i, 1);
      },
      setValueAtTime(value: number, at: number) {
        cuts.push({ value, at });
      },
    },
  };
  const ctx = { state: 'running', get currentTime() { return clock.now; }, resume: () => Promise.resolve() };
  const gate = { context: ctx, gain } as unknown as MediaGate;
  /** Where the gain last goes to 0. */
  const cutAt = () => cuts.filter((c) => c.value === 0).at(-1)?.at;
  return { clock, media: media as unknown as HTMLMediaElement, gate, cutAt };
}

describe('playMediaSegment on a fake clock', () => {
  afterEach(() => vi.useRealTimers());

  /** Advances the audio clock with the timers, 10 ms at a time. */
  async function run(r: ReturnType<typeof rig>, seconds: number) {
    for (let t = 0; t < seconds; t += 0.01) {
      r.clock.now += 0.01;
      await vi.advanceTimersByTimeAsync(10);
    }
  }

  it('places the cut from the first reading of the clocks when the element started cleanly', async () => {
    vi.useFakeTimers();
    const r = rig({ lag: 0, settleAt: 0 });
    playMediaSegment(r.media, r.gate, 1, 1.5);
    await vi.advanceTimersByTimeAsync(0);
    // Started at audio time 10 from media time 1: the end (1.5) sounds at 10.5.
    expect(r.cutAt()).toBeCloseTo(10.5, 9);
    await run(r, 0.3);
    expect(r.cutAt()).toBeCloseTo(10.5, 9);
  });

  it('moves the cut when a later reading disagrees grossly (an element still starting up when play() resolved)', async () => {
    vi.useFakeTimers();
    // The element claims to be 68 ms further on than it sounds for its first 50 ms.
    const r = rig({ lag: 0.068, settleAt: 10.05 });
    playMediaSegment(r.media, r.gate, 1, 1.5);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.cutAt()).toBeCloseTo(10.5 - 0.068, 9);
    await run(r, 0.2);
    expect(r.cutAt()).toBeCloseTo(10.5, 2);
  });

  it('ignores small disagreements (the element clock jitters by a few ms)', async () => {
    vi.useFakeTimers();
    const r = rig({ lag: -0.008, settleAt: 10.05 });
    playMediaSegment(r.media, r.gate, 1, 1.5);
    await vi.advanceTimersByTimeAsync(0);
    const first = r.cutAt();
    await run(r, 0.3);
    expect(r.cutAt()).toBe(first);
  });
});
