import { parsePointCloud } from './parse-point-cloud.js';
import type { ParsePointCloudOptions, PointCloud } from './point-cloud.js';
import { readSource, type PointCloudSource } from './read-source.js';
import { deserializeError, type WorkerRequest, type WorkerResponse } from './worker-protocol.js';

/** Options of `loadPointCloud`. */
export interface LoadPointCloudOptions extends ParsePointCloudOptions {
  /** Cancels the load: the promise rejects with an `AbortError` and a fetch in flight is aborted. */
  signal?: AbortSignal;
  /** `credentials` of the fetch of a URL `src` (as in `fetch`). */
  credentials?: RequestCredentials;
  /**
   * Hand an `ArrayBuffer` `src` over to the worker instead of copying it (it is detached and unusable
   * afterwards). Default false.
   */
  transfer?: boolean;
  /**
   * Parse in a Web Worker (default true where `Worker` exists). False, or where there are no Web Workers
   * (Node), the file is parsed on the calling thread.
   */
  worker?: boolean;
}

interface Pending {
  resolve(cloud: PointCloud): void;
  reject(error: unknown): void;
}

/** One worker for every load, started on first use and stopped when idle. */
let shared: { worker: Worker; pending: Map<number, Pending>; idle?: ReturnType<typeof setTimeout> } | undefined;
let nextId = 1;
const IDLE_MS = 10_000;

function startWorker(): NonNullable<typeof shared> {
  const worker = new Worker(new URL('./point-cloud.worker.js', import.meta.url), { type: 'module', name: 'labelkit point-cloud loader' });
  const state: NonNullable<typeof shared> = { worker, pending: new Map() };
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const data = event.data;
    const pending = state.pending.get(data.id);
    if (!pending) return;
    state.pending.delete(data.id);
    if ('cloud' in data) pending.resolve(data.cloud);
    else pending.reject(deserializeError(data.error));
    scheduleIdleStop(state);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    const error = new Error(`labelkit's point-cloud worker failed${event.message ? `: ${event.message}` : ' to start (is point-cloud.worker.js served next to the loaders?)'}`);
    for (const p of state.pending.values()) p.reject(error);
    state.pending.clear();
    worker.terminate();
    if (shared === state) shared = undefined;
  };
  return state;
}

function scheduleIdleStop(state: NonNullable<typeof shared>): void {
  if (state.idle !== undefined) clearTimeout(state.idle);
  if (state.pending.size > 0) return;
  state.idle = setTimeout(() => {
    if (state.pending.size > 0) return;
    state.worker.terminate();
    if (shared === state) shared = undefined;
  }, IDLE_MS);
}

/** An absolute URL (a worker resolves relative URLs against its own script, not the page). */
function absoluteUrl(src: string | URL): string {
  const base = (globalThis as { location?: { href: string } }).location?.href;
  return base ? new URL(src, base).href : new URL(src).href;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The point cloud load was aborted', 'AbortError');
}

/**
 * Loads and parses a point cloud off the main thread: a Web Worker fetches `src` (a URL, resolved
 * against the page) or takes its bytes, runs `parsePointCloud`, and transfers the typed arrays back
 * (no copy). Rejects with the parser's `PointCloudError`, or an `Error` for a failed fetch.
 */
export async function loadPointCloud(src: PointCloudSource, options: LoadPointCloudOptions = {}): Promise<PointCloud> {
  const { signal, credentials, transfer = false, worker: useWorker = true, ...parseOptions } = options;
  if (signal?.aborted) throw abortError(signal);
  if (!useWorker || typeof Worker === 'undefined') {
    const bytes = typeof src === 'string' || src instanceof URL ? await readSource(absoluteUrl(src), signal, credentials) : src instanceof Blob ? await readSource(src) : src;
    if (signal?.aborted) throw abortError(signal);
    return parsePointCloud(bytes, parseOptions);
  }
  let message: string | Blob | ArrayBuffer;
  const transferList: Transferable[] = [];
  if (typeof src === 'string' || src instanceof URL) message = absoluteUrl(src);
  else if (src instanceof Blob) message = src;
  else if (ArrayBuffer.isView(src)) {
    message = new Uint8Array(src.buffer, src.byteOffset, src.byteLength).slice().buffer;
    transferList.push(message);
  } else {
    message = src;
    if (transfer) transferList.push(src);
  }
  shared ??= startWorker();
  const state = shared;
  if (state.idle !== undefined) clearTimeout(state.idle);
  const id = nextId++;
  return new Promise<PointCloud>((resolve, reject) => {
    const onAbort = () => {
      if (!state.pending.delete(id)) return;
      state.worker.postMessage({ id, type: 'abort' } satisfies WorkerRequest);
      reject(abortError(signal!));
      scheduleIdleStop(state);
    };
    state.pending.set(id, {
      resolve: (cloud) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(cloud);
      },
      reject: (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    const request: WorkerRequest = { id, type: 'parse', src: message, options: parseOptions, ...(credentials ? { credentials } : {}) };
    state.worker.postMessage(request, transferList);
  });
}
