import { parseKittiBin } from './kitti-bin.js';
import type { ParsePointCloudOptions, PointCloud, PointCloudFormat } from './point-cloud.js';
import { PointCloudError } from './point-cloud-error.js';
import { parsePcd } from './pcd.js';
import { looksLikePcd } from './pcd-header.js';
import { parsePly } from './ply.js';
import { looksLikePly } from './ply-header.js';

const PARSERS: Record<PointCloudFormat, (bytes: Uint8Array) => PointCloud> = { pcd: parsePcd, ply: parsePly, 'kitti-bin': parseKittiBin };

/** The format of a file from its first bytes: PCD or PLY from their headers, else undefined (a KITTI `.bin` has none). */
export function detectPointCloudFormat(data: ArrayBuffer | ArrayBufferView): 'pcd' | 'ply' | undefined {
  const bytes = asBytes(data);
  if (looksLikePly(bytes)) return 'ply';
  if (looksLikePcd(bytes)) return 'pcd';
  return undefined;
}

/**
 * Decodes a PCD (ascii, binary, binary_compressed), PLY (ascii, binary either endianness) or KITTI
 * velodyne `.bin` point cloud into typed arrays. Only the header is decoded as text; values go from the
 * file's bytes straight into the arrays. Usable anywhere (Node, a worker, the main thread); see
 * `loadPointCloud` to run it off the main thread.
 *
 * @param data the whole file (an `ArrayBuffer`, or a view of one such as a Node `Buffer`)
 * @throws PointCloudError naming the header line (1-based) and keyword, or the byte offset, of what is
 *   wrong; a file cut short says how many points its header expected and, where it can know, how many it holds.
 */
export function parsePointCloud(data: ArrayBuffer | ArrayBufferView, options: ParsePointCloudOptions = {}): PointCloud {
  const bytes = asBytes(data);
  const format = options.format ?? detectPointCloudFormat(bytes);
  if (!format) {
    const start = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new PointCloudError(
      `Not a recognised point cloud: a PCD file starts with a '#' comment, VERSION or FIELDS line and a PLY file with 'ply', but this one starts with bytes ${start || '(none: it is empty)'}; ` +
        `a KITTI .bin has no header, so pass { format: 'kitti-bin' }`,
      { offset: 0 },
    );
  }
  const parse = PARSERS[format];
  if (!parse) throw new PointCloudError(`Unknown point cloud format '${String(format)}' (expected pcd, ply or kitti-bin)`);
  return parse(bytes);
}

function asBytes(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}
