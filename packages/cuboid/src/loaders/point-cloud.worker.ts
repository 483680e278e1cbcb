// The loaders' Web Worker: fetches (or takes) a file, parses it, and transfers the arrays back.
import { parsePointCloud } from './parse-point-cloud.js';
import { readSource } from './read-source.js';
import { serializeError, transferablesOf, type WorkerRequest, type WorkerResponse } from './worker-protocol.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
const inFlight = new Map<number, AbortController>();

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'abort') {
    inFlight.get(request.id)?.abort();
    return;
  }
  const controller = new AbortController();
  inFlight.set(request.id, controller);
  void (async () => {
    try {
      const bytes = request.src instanceof ArrayBuffer ? request.src : await readSource(request.src, controller.signal, request.credentials);
      const cloud = parsePointCloud(bytes, request.options);
      scope.postMessage({ id: request.id, cloud }, transferablesOf(cloud));
    } catch (error) {
      scope.postMessage({ id: request.id, error: serializeError(error) });
    } finally {
      inFlight.delete(request.id);
    }
  })();
};
