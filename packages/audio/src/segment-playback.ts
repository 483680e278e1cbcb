/**
 * Playing one segment and stopping exactly at its end, scheduled on the Web Audio clock (never by
 * polling `currentTime`).
 *
 * - Decoded audio: an `AudioBufferSourceNode` started with `start(when, offset, duration)`. The audio
 *   thread renders exactly `duration` seconds of buffer time — sample-accurate (±1 frame, 1/sampleRate
 *   s; 62.5 µs at 16 kHz). Tested by rendering it in an `OfflineAudioContext`.
 * - Streamed media (`<audio>` with precomputed peaks, no decode): the element is routed through a
 *   `GainNode` and the gain drops to 0 at `ctx.currentTime + (end - media.currentTime) / rate`, computed
 *   once at start ({@link mediaStopTime}). Precision is that of the element's `currentTime` against the
 *   audio clock — in Chromium within one audio render quantum to a few ms — rather than the tens of
 *   milliseconds a `timeupdate` poll overshoots by.
 */

/** A segment being played. */
export interface SegmentPlayback {
  /** Audio-clock time (`ctx.currentTime`) at which sound starts. */
  readonly startedAt: number;
  /** Stops now (idempotent). */
  stop(): void;
  /** The media time (seconds in the file) that is sounding at audio-clock time `ctxTime`. */
  timeAt(ctxTime: number): number;
  /** Resolves when playback ends, by itself or by `stop()`. */
  readonly ended: Promise<void>;
}

/** Options of {@link playBufferSegment}. */
export interface SegmentPlaybackOptions {
  /** Playback rate, 0.5–2 (default 1). Pitch changes with rate on this path. */
  rate?: number;
  /** Repeat `[start, end)` until stopped. */
  loop?: boolean;
  /** Where to play (default `ctx.destination`). */
  destination?: AudioNode;
  /** Audio-clock start time (default `ctx.currentTime`, i.e. now). */
  when?: number;
}

/** Plays `[start, end)` seconds of `buffer` and stops at `end` (see the module comment for precision). */
export function playBufferSegment(ctx: BaseAudioContext, buffer: AudioBuffer, start: number, end: number, options: SegmentPlaybackOptions = {}): SegmentPlayback {
  const rate = Math.min(2, Math.max(0.5, options.rate ?? 1));
  const s = Math.max(0, Math.min(buffer.duration, start));
  const e = Math.max(s, Math.min(buffer.duration, end));
  const len = e - s;
  const source = ctx.createBufferSource();
  source.buffer = buffer;
  source.playbackRate.value = rate;
  source.connect(options.destination ?? ctx.destination);
  const when = Math.max(ctx.currentTime, options.when ?? ctx.currentTime);
  let stopped = false;
  const ended = new Promise<void>((resolve) => {
    source.onended = () => {
      stopped = true;
      source.disconnect();
      resolve();
    };
  });
  if (options.loop) {
    source.loop = true;
    source.loopStart = s;
    source.loopEnd = e;
    source.start(when, s);
  } else {
    source.start(when, s, len);
  }
  return {
    startedAt: when,
    ended,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        source.stop();
      } catch {
        // not started yet in some engines: nothing to stop
      }
    },
    timeAt(ctxTime) {
      const played = Math.max(0, (ctxTime - when) * rate);
      if (options.loop && len > 0) return s + (played % len);
      return Math.min(e, s + played);
    },
  };
}

/**
 * The audio-clock time at which media playing at `mediaNow` seconds (read at audio-clock time
 * `ctxNow`) reaches `end` at `rate`.
 */
export function mediaStopTime(ctxNow: number, mediaNow: number, end: number, rate: number): number {
  return ctxNow + Math.max(0, end - mediaNow) / rate;
}

/** A media element routed through Web Audio so its sound can be gated on the audio clock. */
export interface MediaGate {
  readonly context: AudioContext;
  readonly gain: GainNode;
}

const gates = new WeakMap<HTMLMediaElement, MediaGate>();
/** Gates a segment is playing through: only {@link playMediaSegment} opens and shuts them then. */
const busy = new WeakSet<MediaGate>();

/**
 * Routes `media` through a `GainNode` of a shared `AudioContext` (once per element; Web Audio allows
 * one source node per element). The gate opens whenever the element starts playing on its own (not
 * for a segment), so ordinary playback is heard after a segment shut it.
 */
export function mediaGate(media: HTMLMediaElement, context: AudioContext): MediaGate {
  let g = gates.get(media);
  if (!g) {
    const src = context.createMediaElementSource(media);
    const gain = context.createGain();
    src.connect(gain).connect(context.destination);
    const gate: MediaGate = { context, gain };
    media.addEventListener('play', () => {
      if (busy.has(gate)) return;
      const now = context.currentTime;
      gain.gain.cancelScheduledValues(now);
      gain.gain.setValueAtTime(1, now);
    });
    g = gate;
    gates.set(media, g);
  }
  return g;
}

/**
 * Plays `[start, end)` of a streamed media element and silences it exactly at `end` on the audio
 * clock (then pauses it, leaving the gate shut until the element next plays: after `pause()` a few
 * milliseconds of audio are still on their way into the graph, and would sound as a click). With
 * `loop`, seeks back to `start` at each end instead.
 */
export function playMediaSegment(media: HTMLMediaElement, gate: MediaGate, start: number, end: number, options: { loop?: boolean } = {}): SegmentPlayback {
  const { context: ctx, gain } = gate;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sync: ReturnType<typeof setTimeout> | undefined;
  let resolveEnded: () => void = () => {};
  const ended = new Promise<void>((r) => (resolveEnded = r));
  let startedAt = ctx.currentTime;
  const finish = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    clearTimeout(sync);
    media.pause();
    const now = ctx.currentTime;
    gain.gain.cancelScheduledValues(now);
    gain.gain.setValueAtTime(0, now);
    busy.delete(gate);
    resolveEnded();
  };
  const begin = () => {
    busy.add(gate);
    clearTimeout(sync);
    media.currentTime = start;
    let stopAt = 0;
    /** Places the cut where the element's clock, read against the audio clock now, says the end will sound. */
    const place = () => {
      const now = ctx.currentTime;
      const at = mediaStopTime(now, media.currentTime, end, media.playbackRate || 1);
      // Later readings jitter by several ms (the element's clock moves in audio-callback steps): only a gross
      // disagreement with the first, which is the most precise when the element started cleanly, moves the cut.
      if (stopAt && Math.abs(at - stopAt) < 0.02) return;
      stopAt = at;
      gain.gain.cancelScheduledValues(now);
      gain.gain.setValueAtTime(1, now);
      gain.gain.setValueAtTime(0, stopAt);
      // The gain cuts the sound on the audio clock; this only tidies up after it.
      clearTimeout(timer);
      timer = setTimeout(() => (options.loop ? begin() : finish()), Math.max(0, (stopAt - now) * 1000) + 30);
    };
    // Read again every 40 ms until the last 60 ms: just after play() resolves the element may still be
    // starting up on a loaded machine (once seen: the cut 68 ms off), and a later reading then corrects
    // the cut. A late timer changes nothing: the cut already placed stands.
    const resync = () => {
      if (stopped || stopAt - ctx.currentTime < 0.06) return;
      place();
      sync = setTimeout(resync, 40);
    };
    const run = () => {
      if (stopped) return;
      startedAt = ctx.currentTime;
      gain.gain.cancelScheduledValues(0);
      place();
      sync = setTimeout(resync, 40);
    };
    void media.play().then(run, finish);
  };
  if (ctx.state === 'suspended') void ctx.resume();
  begin();
  return {
    get startedAt() {
      return startedAt;
    },
    ended,
    stop: finish,
    timeAt: () => Math.min(end, media.currentTime),
  };
}
