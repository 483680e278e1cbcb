/**
 * The fallback path, where WebCodecs or the codec is missing: a `<video>` element seeked to the middle
 * of the requested frame's time on screen (from the container's own timestamps, so the start time is
 * in it), and the frame it then shows checked against the index with `requestVideoFrameCallback`'s
 * `mediaTime` before it is captured. A frame that cannot be verified is an error, never a guess.
 */
import { frameCentre, frameDuration, frameWithTimestamp, type FrameIndex } from './frame-index.js';

/** How long to wait for a new frame to be presented after a seek before taking the old one as shown. */
const PRESENT_TIMEOUT_MS = 300;

const abortError = (message: string) => new DOMException(message, 'AbortError');

function once(target: EventTarget, type: string, signal?: AbortSignal): Promise<Event> {
  return new Promise((resolve, reject) => {
    const onError = () => reject(new Error(`openVideo: the <video> element failed (${(target as HTMLVideoElement).error?.message ?? 'unknown error'})`));
    target.addEventListener(type, (event) => {
      target.removeEventListener('error', onError);
      resolve(event);
    }, { once: true, signal });
    target.addEventListener('error', onError, { once: true, signal });
  });
}

export class ElementFrames {
  private readonly video: HTMLVideoElement;
  private readonly objectUrl: string | null;
  /** The frame the element presents now, as last verified (-1: none yet). */
  private shown = -1;
  private queue: { frame: number; resolve(bitmap: ImageBitmap): void; reject(error: unknown): void }[] = [];
  private busy = false;
  private closed = false;

  private constructor(src: string | Blob, private readonly index: FrameIndex) {
    this.objectUrl = typeof src === 'string' ? null : URL.createObjectURL(src);
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.preload = 'auto';
    const url = this.objectUrl ?? src as string;
    if (typeof src === 'string' && new URL(url, document.baseURI).origin !== location.origin) video.crossOrigin = 'anonymous';
    video.src = url;
    this.video = video;
  }

  /** Loads `src` into a fresh `<video>` element and waits for its first frame. */
  static async open(src: string | Blob, index: FrameIndex): Promise<ElementFrames> {
    const frames = new ElementFrames(src, index);
    if (typeof frames.video.requestVideoFrameCallback !== 'function') {
      frames.close();
      throw new Error('openVideo: this browser has neither WebCodecs for this codec nor requestVideoFrameCallback to verify a <video> element\'s frames');
    }
    if (frames.video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) await once(frames.video, 'loadeddata');
    return frames;
  }

  /** Shows frame `n`, verifies it and captures it. Requests made stale by a newer one reject with `AbortError`. */
  getFrame(n: number): Promise<ImageBitmap> {
    return new Promise((resolve, reject) => {
      this.queue.push({ frame: n, resolve, reject });
      void this.drain();
    });
  }

  close(): void {
    this.closed = true;
    for (const request of this.queue) request.reject(abortError('the video was closed'));
    this.queue = [];
    this.video.removeAttribute('src');
    this.video.load();
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    while (this.queue.length > 0 && !this.closed) {
      // Only the newest request is worth seeking for.
      const request = this.queue.pop()!;
      for (const stale of this.queue) stale.reject(abortError(`the request for frame ${stale.frame} was superseded by one for frame ${request.frame}`));
      this.queue = [];
      try {
        await this.show(request.frame);
        request.resolve(await createImageBitmap(this.video));
      } catch (error) {
        request.reject(error);
      }
    }
    this.busy = false;
  }

  /** Seeks until the element presents frame `n`: to its centre, then a quarter and three quarters in. */
  private async show(n: number): Promise<void> {
    const start = this.index.timestamps[n]!;
    const duration = frameDuration(this.index, n);
    const targets = [frameCentre(this.index, n), start + duration / 4, start + (duration * 3) / 4];
    for (const target of targets) {
      if (this.shown === n) return;
      await this.seek(target);
    }
    if (this.shown !== n) {
      throw new Error(`openVideo: the <video> element would not show frame ${n} (at ${start.toFixed(6)} s); it shows frame ${this.shown}`);
    }
  }

  private async seek(time: number): Promise<void> {
    const video = this.video;
    let presented: number | null = null;
    const handle = video.requestVideoFrameCallback((_now, metadata) => (presented = metadata.mediaTime));
    const seeked = once(video, 'seeked');
    video.currentTime = time;
    await seeked;
    // A seek to the frame already on screen presents nothing new: wait a little, then keep the old one.
    const deadline = performance.now() + PRESENT_TIMEOUT_MS;
    while (presented === null && performance.now() < deadline) await new Promise((resolve) => requestAnimationFrame(resolve));
    if (presented === null) {
      video.cancelVideoFrameCallback(handle);
      return;
    }
    this.shown = frameWithTimestamp(this.index, presented);
  }
}
