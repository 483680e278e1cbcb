/**
 * The decode worker of `openVideo`: demuxes the file (mediabunny), sends the frame index back, says
 * which path frames take (WebCodecs here when `VideoDecoder` exists and supports the track's codec,
 * otherwise the page's `<video>` element) and, on the WebCodecs path, answers frame requests.
 */
import { demuxVideo } from './demux.js';
import { cacheCapacity } from './frame-cache.js';
import { WebCodecsFrames } from './webcodecs-frames.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** The part of a dedicated worker's global scope used here (the package compiles with the DOM lib, not WebWorker). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  close(): void;
}
const scope = self as unknown as WorkerScope;
const post = (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

let frames: WebCodecsFrames | null = null;
let closed = false;

async function whyNotWebCodecs(config: VideoDecoderConfig | null): Promise<string | null> {
  if (typeof VideoDecoder === 'undefined') return 'this browser has no WebCodecs VideoDecoder';
  if (!config) return 'the track has no decoder configuration WebCodecs understands';
  const support = await VideoDecoder.isConfigSupported(config).catch(() => ({ supported: false }));
  return support.supported ? null : `this browser's VideoDecoder does not decode ${config.codec}`;
}

async function open(message: Extract<ToWorker, { type: 'open' }>) {
  const video = await demuxVideo(message.src);
  if (closed) return video.input.dispose();
  const { index, width, height } = video;
  const config = await video.track.getDecoderConfig();
  const reason = message.allowWebCodecs ? await whyNotWebCodecs(config) : 'the element path was asked for';
  const info = { timestamps: [...index.timestamps], fps: index.fps, width, height };
  if (reason !== null || !config) {
    video.input.dispose();
    post({ type: 'opened', ...info, path: 'element', reason: reason ?? undefined });
    return;
  }
  frames = new WebCodecsFrames(video, config, cacheCapacity(message.cacheBytes, width, height), message.windowFrames, {
    frame: (id, bitmap) => post({ type: 'frame', id, bitmap }, [bitmap]),
    error: (id, error) => post({ type: 'frame-error', id, ...error }),
  });
  post({ type: 'opened', ...info, path: 'webcodecs' });
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'open') {
    open(message).catch((error: unknown) => post({ type: 'open-error', message: error instanceof Error ? error.message : String(error) }));
  } else if (message.type === 'frame') {
    if (frames) frames.request(message.id, message.frame);
    else post({ type: 'frame-error', id: message.id, name: 'InvalidStateError', message: 'openVideo: no decoder in the worker' });
  } else {
    closed = true;
    frames?.close();
    frames = null;
    scope.close();
  }
};
