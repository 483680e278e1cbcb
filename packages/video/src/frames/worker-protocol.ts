/** The messages between `openVideo` (page) and its decode worker. */

/** How frames reach the caller: decoded by WebCodecs in the worker, or shown by a `<video>` element. */
export type FramePath = 'webcodecs' | 'element';

export type ToWorker =
  | { type: 'open'; src: string | Blob; cacheBytes: number; windowFrames: number; allowWebCodecs: boolean }
  | { type: 'frame'; id: number; frame: number }
  | { type: 'close' };

export interface OpenedInfo {
  timestamps: number[];
  fps: number;
  width: number;
  height: number;
  path: FramePath;
  /** Why the element path was chosen, when it was. */
  reason?: string;
}

export type FromWorker =
  | ({ type: 'opened' } & OpenedInfo)
  | { type: 'open-error'; message: string }
  | { type: 'frame'; id: number; bitmap: ImageBitmap }
  | { type: 'frame-error'; id: number; name: string; message: string };
