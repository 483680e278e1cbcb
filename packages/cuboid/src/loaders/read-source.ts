/** Where a point cloud comes from: a URL the host passes, a Blob/File, or the file's bytes. */
export type PointCloudSource = string | URL | Blob | ArrayBuffer | ArrayBufferView;

/**
 * The bytes of a URL or Blob. A URL is fetched (the host's own media URL: labelkit fetches nothing
 * else), and an HTTP error status is an error naming the URL.
 */
export async function readSource(src: string | Blob, signal?: AbortSignal, credentials?: RequestCredentials): Promise<ArrayBuffer> {
  if (typeof src !== 'string') return src.arrayBuffer();
  // eslint-disable-next-line no-restricted-globals -- the host-passed point-cloud URL
  const response = await fetch(src, { ...(signal ? { signal } : {}), ...(credentials ? { credentials } : {}) });
  if (!response.ok) throw new Error(`Point cloud ${src}: HTTP ${response.status} ${response.statusText}`.trim());
  return response.arrayBuffer();
}
