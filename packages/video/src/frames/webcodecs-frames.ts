/**
 * The worker side of the WebCodecs path: decodes runs of packets with `VideoDecoder`, keeps the frames
 * around the last request as bitmaps in a bounded cache, prefetches ahead in the direction of travel,
 * and drops requests that a newer one has made stale. Every `VideoFrame` is closed as soon as it has
 * been turned into a bitmap (or at once, when it is not wanted).
 */
import type { DemuxedVideo } from './demux.js';
import { FrameCache, windowAround, type FrameWindow } from './frame-cache.js';
import { decodeRunFor, frameWithTimestamp, isDecodableFrom, type DecodeRun } from './frame-index.js';

/** What the server answers a request with. */
export interface FrameReplies {
  frame(id: number, bitmap: ImageBitmap): void;
  error(id: number, error: { name: string; message: string }): void;
}

interface Run {
  window: FrameWindow;
  plan: DecodeRun;
  aborted: boolean;
  decoder: VideoDecoder | null;
  done: Promise<void>;
}

const abortError = (message: string) => ({ name: 'AbortError', message });

export class WebCodecsFrames {
  private readonly cache: FrameCache<ImageBitmap>;
  private readonly waiters = new Map<number, number>(); // request id -> frame
  private run: Run | null = null;
  private focus = 0;
  private direction: 1 | -1 = 1;
  private closed = false;
  private runsStarted = 0;

  constructor(
    private readonly video: DemuxedVideo,
    private readonly config: VideoDecoderConfig,
    capacity: number,
    /** How many frames one decode run aims to fill around the request (at most the cache's capacity). */
    private readonly windowFrames: number,
    private readonly replies: FrameReplies,
  ) {
    this.cache = new FrameCache(capacity);
  }

  /** Frames decoded and held now (for tests and diagnostics). */
  get cachedFrames(): number {
    return this.cache.size;
  }

  /** Decode runs started so far (for tests and diagnostics: a cache hit starts none). */
  get decodeRuns(): number {
    return this.runsStarted;
  }

  /** Resolves once no decode is running (the current one and any it starts, such as a prefetch). */
  async settled(): Promise<void> {
    while (this.run) await this.run.done;
  }

  request(id: number, frame: number): void {
    if (frame !== this.focus) this.direction = frame > this.focus ? 1 : -1;
    this.focus = frame;
    this.cache.setFocus(frame);
    if (this.cache.has(frame)) {
      this.reply(id, frame);
      this.prefetch();
      return;
    }
    this.waiters.set(id, frame);
    if (this.run && !this.run.aborted && this.covers(this.run, frame)) return;
    this.startRun(this.window());
  }

  close(): void {
    this.closed = true;
    this.abortRun();
    for (const id of this.waiters.keys()) this.replies.error(id, abortError('the video was closed'));
    this.waiters.clear();
    this.cache.clear();
    this.video.input.dispose();
  }

  private window(): FrameWindow {
    return windowAround(this.focus, this.direction, Math.min(this.windowFrames, this.cache.capacity), this.video.index.frameCount);
  }

  private covers(run: Run, frame: number): boolean {
    return frame >= run.window.first && frame <= run.window.last && isDecodableFrom(this.video.index, frame, run.plan.start);
  }

  private reply(id: number, frame: number): void {
    const bitmap = this.cache.get(frame)!;
    // The cache keeps its bitmap; the caller gets (and closes) a copy of its own.
    createImageBitmap(bitmap).then(
      (copy) => this.replies.frame(id, copy),
      (error: unknown) => this.replies.error(id, { name: 'Error', message: `openVideo: could not copy frame ${frame}: ${String(error)}` }),
    );
  }

  /** After a hit: when the frames cached ahead of the playhead run short, decode the rest of the window. */
  private prefetch(): void {
    if (this.run || this.closed) return;
    const window = this.window();
    const missing = this.cache.missing(window);
    if (missing.length === 0) return;
    const ahead = this.direction > 0 ? window.last - this.focus : this.focus - window.first;
    const nearestMissing = Math.min(...missing.map((f) => Math.abs(f - this.focus)));
    if (nearestMissing > ahead / 2) return;
    this.startRun(window);
  }

  private abortRun(): void {
    const run = this.run;
    if (!run) return;
    run.aborted = true;
    if (run.decoder && run.decoder.state !== 'closed') run.decoder.close();
    this.run = null;
  }

  private startRun(window: FrameWindow): void {
    this.abortRun();
    const missing = this.cache.missing(window);
    if (missing.length === 0) return;
    const plan = decodeRunFor(this.video.index, missing[0]!, missing[missing.length - 1]!);
    const run: Run = { window, plan, aborted: false, decoder: null, done: Promise.resolve() };
    // Requests this run will not answer are stale: a newer request moved the playhead away from them.
    for (const [id, frame] of this.waiters) {
      if (!this.covers(run, frame)) {
        this.waiters.delete(id);
        this.replies.error(id, abortError(`the request for frame ${frame} was superseded by one for frame ${this.focus}`));
      }
    }
    this.run = run;
    this.runsStarted++;
    run.done = this.decode(run).then(
      () => this.finish(run),
      (error: unknown) => this.finish(run, error),
    );
  }

  private finish(run: Run, error?: unknown): void {
    if (this.run === run) this.run = null;
    if (run.aborted || this.closed) return;
    for (const [id, frame] of this.waiters) {
      if (!this.covers(run, frame)) continue;
      this.waiters.delete(id);
      if (this.cache.has(frame)) this.reply(id, frame);
      else this.replies.error(id, { name: 'Error', message: error ? `openVideo: decoding frame ${frame} failed: ${String(error)}` : `openVideo: the decoder did not give frame ${frame}` });
    }
    if (this.waiters.size > 0) this.startRun(this.window());
    else this.prefetch();
  }

  private async decode(run: Run): Promise<void> {
    const { index, sink } = this.video;
    const pending: Promise<void>[] = [];
    let failure: unknown = null;
    const wanted = (n: number) => n >= run.window.first && n <= run.window.last && isDecodableFrom(index, n, run.plan.start) && !this.cache.has(n);
    const decoder = new VideoDecoder({
      output: (frame) => {
        const n = frameWithTimestamp(index, frame.timestamp / 1e6);
        if (run.aborted || n < 0 || !wanted(n)) {
          frame.close();
          return;
        }
        pending.push(
          createImageBitmap(frame).then(
            (bitmap) => {
              frame.close();
              if (run.aborted || this.closed) return bitmap.close();
              if (!this.cache.put(n, bitmap)) return;
              for (const [id, f] of this.waiters) {
                if (f !== n) continue;
                this.waiters.delete(id);
                this.reply(id, n);
              }
            },
            (error: unknown) => {
              frame.close();
              failure ??= error;
            },
          ),
        );
      },
      error: (error) => (failure ??= error),
    });
    run.decoder = decoder;
    decoder.configure(this.config);
    const first = await sink.getPacket(index.timestamps[index.frameOfDecodeIndex[run.plan.start]!]!);
    if (!first) throw new Error(`no packet at decode position ${run.plan.start}`);
    let d = run.plan.start;
    for await (const packet of sink.packets(first)) {
      if (run.aborted || d > run.plan.end) break;
      decoder.decode(packet.toEncodedVideoChunk());
      d++;
      // Keep the decoder's queue short, so an abort stops work quickly.
      while (decoder.decodeQueueSize > 4 && !run.aborted) await new Promise((resolve) => decoder.addEventListener('dequeue', resolve, { once: true }));
    }
    if (run.aborted) return;
    await decoder.flush();
    await Promise.all(pending);
    decoder.close();
    if (failure) throw failure;
  }
}
