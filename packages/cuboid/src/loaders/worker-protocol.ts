import type { ParsePointCloudOptions, PointCloud } from './point-cloud.js';
import { PointCloudError, type PointCloudErrorDetails } from './point-cloud-error.js';

/** What `loadPointCloud` asks the worker: parse a fetched URL, a Blob or bytes; or abort request `id`. */
export type WorkerRequest =
  | { id: number; type: 'parse'; src: string | Blob | ArrayBuffer; options: ParsePointCloudOptions; credentials?: RequestCredentials }
  | { id: number; type: 'abort' };

/** The worker's answer to request `id`: the cloud (its arrays transferred), or the error as plain data. */
export type WorkerResponse = { id: number; cloud: PointCloud } | { id: number; error: SerializedError };

/** An error as it crosses the worker boundary. */
export interface SerializedError {
  name: string;
  message: string;
  details?: PointCloudErrorDetails;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof PointCloudError) return { name: error.name, message: error.message, details: error.toDetails() };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export function deserializeError(e: SerializedError): Error {
  if (e.name === 'PointCloudError') return new PointCloudError(e.message, e.details);
  if (e.name === 'AbortError') return new DOMException(e.message, 'AbortError');
  const error = new Error(e.message);
  error.name = e.name;
  return error;
}

/** The buffers of a cloud's arrays, to transfer rather than copy. */
export function transferablesOf(cloud: PointCloud): ArrayBuffer[] {
  return [cloud.positions, cloud.intensity, cloud.colors, cloud.labels].filter((a) => a !== undefined).map((a) => a.buffer as ArrayBuffer);
}
