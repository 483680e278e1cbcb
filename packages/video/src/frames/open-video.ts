/**
 * `openVideo(src)`: a video's own frames, 0-based in presentation order, each as a bitmap.
 */
import { ElementFrames } from './element-frames.js';
import { buildFrameIndex, type FrameIndex } from './frame-index.js';
import type { FramePath, FromWorker, OpenedInfo, ToWorker } from './worker-protocol.js';

export type { FramePath } from './worker-protocol.js';

/** Options of {@link openVideo}. */
export interface OpenVideoOptions {
  /**
   * Which path frames take. `'auto'` (the default): WebCodecs in a worker where the browser decodes the
   * track's codec, else the `<video>` element. `'element'` forces the fallback (for tests, or to compare).
   * `'webcodecs'` fails to open where WebCodecs cannot decode the file.
   */
  path?: 'auto' | FramePath;
  /**
   * Memory bound of the worker's cache of decoded frames, bytes (each frame takes width × height × 4).
   * Default 256 MiB. At least two frames are kept whatever the bound.
   */
  cacheBytes?: number;
  /** How many frames around a request one decode fills, the cache's capacity at most. Default 48. */
  windowFrames?: number;
}

/** An open video: its frame index and its frames. Close it when done. */
export interface VideoFrames {
  /** Number of frames: the video track's samples. */
  frameCount: number;
  /** Mean frame rate over the video, frames per second (the index is the timestamps, not this). */
  fps: number;
  /** One per frame, strictly increasing: each frame's presentation time, seconds on the file's media timeline. */
  timestamps: readonly number[];
  /** Coded width of the frames, pixels. */
  width: number;
  /** Coded height of the frames, pixels. */
  height: number;
  /** How frames are produced: decoded by WebCodecs in a worker, or shown and verified by a `<video>` element. */
  path: FramePath;
  /** Why the element path is in use, when it is (no WebCodecs, an unsupported codec, or it was asked for). */
  pathReason?: string;
  /**
   * Frame `n` (0-based, presentation order) as a bitmap of the whole frame; the caller closes it.
   * Rejects with a `RangeError` outside `0..frameCount-1`, and with an `AbortError` `DOMException`
   * when a newer request made it stale before it was decoded.
   */
  getFrame(n: number): Promise<ImageBitmap>;
  /** Releases the worker, the decoder, the cached frames and any element. Pending requests reject. */
  close(): void;
}

const DEFAULT_CACHE_BYTES = 256 * 2 ** 20;
const DEFAULT_WINDOW_FRAMES = 48;

function startWorker(): Worker {
  return new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module', name: 'labelkit-video-decode' });
}

/** The index the worker demuxed, rebuilt on this side (timestamps only: the page never decodes). */
function indexOf(info: OpenedInfo): FrameIndex {
  return buildFrameIndex(info.timestamps.map((timestamp, n) => ({ timestamp, key: n === 0 })));
}

/**
 * Opens a video (a URL, or a `Blob`/`File`) and indexes its frames from the container's own samples.
 * @throws Error when the file cannot be read, has no video track, or (with `path: 'webcodecs'`) cannot be
 *   decoded by WebCodecs here.
 */
export async function openVideo(src: string | Blob, options: OpenVideoOptions = {}): Promise<VideoFrames> {
  const wanted = options.path ?? 'auto';
  const source = typeof src === 'string' ? new URL(src, document.baseURI).href : src;
  const worker = startWorker();
  const requests = new Map<number, { resolve(bitmap: ImageBitmap): void; reject(error: unknown): void }>();
  let nextId = 1;
  const send = (message: ToWorker) => worker.postMessage(message);

  const info = await new Promise<OpenedInfo>((resolve, reject) => {
    worker.onerror = (event) => reject(new Error(`openVideo: the decode worker failed to start (${event.message || 'no message'})`));
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'opened') resolve(message);
      else if (message.type === 'open-error') reject(new Error(message.message));
    };
    send({
      type: 'open',
      src: source,
      cacheBytes: options.cacheBytes ?? DEFAULT_CACHE_BYTES,
      windowFrames: Math.max(1, Math.floor(options.windowFrames ?? DEFAULT_WINDOW_FRAMES)),
      allowWebCodecs: wanted !== 'element',
    });
  }).catch((error: unknown) => {
    worker.terminate();
    throw error;
  });

  if (wanted === 'webcodecs' && info.path !== 'webcodecs') {
    worker.terminate();
    throw new Error(`openVideo: the WebCodecs path was asked for, but ${info.reason ?? 'it is not available'}`);
  }
  const frameCount = info.timestamps.length;
  const checkFrame = (n: number) => {
    if (!Number.isInteger(n) || n < 0 || n >= frameCount) throw new RangeError(`openVideo: frame ${n} is not in 0..${frameCount - 1}`);
  };
  const common = { frameCount, fps: info.fps, timestamps: Object.freeze(info.timestamps), width: info.width, height: info.height };

  if (info.path === 'element') {
    worker.terminate();
    const element = await ElementFrames.open(src, indexOf(info));
    return {
      ...common,
      path: 'element',
      pathReason: info.reason,
      getFrame: async (n) => {
        checkFrame(n);
        return element.getFrame(n);
      },
      close: () => element.close(),
    };
  }

  let closed = false;
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.type !== 'frame' && message.type !== 'frame-error') return;
    const request = requests.get(message.id);
    if (!request) {
      if (message.type === 'frame') message.bitmap.close();
      return;
    }
    requests.delete(message.id);
    if (message.type === 'frame') request.resolve(message.bitmap);
    else request.reject(message.name === 'AbortError' ? new DOMException(message.message, 'AbortError') : new Error(message.message));
  };
  return {
    ...common,
    path: 'webcodecs',
    getFrame: (n) =>
      new Promise<ImageBitmap>((resolve, reject) => {
        checkFrame(n);
        if (closed) throw new DOMException('openVideo: the video was closed', 'InvalidStateError');
        const id = nextId++;
        requests.set(id, { resolve, reject });
        send({ type: 'frame', id, frame: n });
      }),
    close: () => {
      if (closed) return;
      closed = true;
      send({ type: 'close' });
      for (const request of requests.values()) request.reject(new DOMException('openVideo: the video was closed', 'AbortError'));
      requests.clear();
      // The worker closes itself after releasing its frames; terminate it if it has not within a second.
      setTimeout(() => worker.terminate(), 1000);
    },
  };
}
