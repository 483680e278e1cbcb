import { readFloat32Column } from './binary-column.js';
import type { PointCloud } from './point-cloud.js';
import { PointCloudError } from './point-cloud-error.js';

const RECORD = 16;

/** Parses a KITTI velodyne `.bin`: float32 little-endian x, y, z, reflectance per point, no header. */
export function parseKittiBin(bytes: Uint8Array): PointCloud {
  const count = Math.floor(bytes.length / RECORD);
  if (bytes.length % RECORD !== 0) {
    throw new PointCloudError(
      `KITTI .bin is cut short: its ${bytes.length} bytes are not a whole number of 16-byte points (float32 x, y, z, reflectance); ` +
        `${count} complete points, then ${bytes.length % RECORD} bytes of a cut point at byte offset ${count * RECORD}`,
      { format: 'kitti-bin', offset: count * RECORD, foundPoints: count },
    );
  }
  const positions = new Float32Array(3 * count);
  const intensity = new Float32Array(count);
  readFloat32Column(bytes, { type: 'float32', start: 0, stride: RECORD }, count, true, positions, 0, 3);
  readFloat32Column(bytes, { type: 'float32', start: 4, stride: RECORD }, count, true, positions, 1, 3);
  readFloat32Column(bytes, { type: 'float32', start: 8, stride: RECORD }, count, true, positions, 2, 3);
  readFloat32Column(bytes, { type: 'float32', start: 12, stride: RECORD }, count, true, intensity, 0, 1);
  return { count, positions, intensity, fields: ['x', 'y', 'z', 'intensity'] };
}
