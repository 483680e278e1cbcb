import { expect, test } from 'vitest';
import { parsePointCloud } from './parse-point-cloud.js';
import { thrown } from './test-utils/thrown.js';

test('KITTI .bin: x, y, z into positions, reflectance into intensity', () => {
  const points = new Float32Array([1, 2, 3, 0.25, -4, 5.5, -6, 1]);
  const cloud = parsePointCloud(points.buffer, { format: 'kitti-bin' });
  expect(cloud).toEqual({ count: 2, positions: new Float32Array([1, 2, 3, -4, 5.5, -6]), intensity: new Float32Array([0.25, 1]), fields: ['x', 'y', 'z', 'intensity'] });
});

test('a view at an odd offset reads the same (no alignment assumed)', () => {
  const points = new Float32Array([1, 2, 3, 0.25]);
  const shifted = new Uint8Array(17);
  shifted.set(new Uint8Array(points.buffer), 1);
  expect(parsePointCloud(shifted.subarray(1), { format: 'kitti-bin' }).positions).toEqual(new Float32Array([1, 2, 3]));
});

test('a cut-short .bin names the byte offset of the cut point and the complete points', () => {
  const error = thrown(() => parsePointCloud(new Uint8Array(16 * 3 + 5), { format: 'kitti-bin' }));
  expect([error.offset, error.foundPoints, error.format]).toEqual([48, 3, 'kitti-bin']);
  expect(error.message).toMatch(/53 bytes are not a whole number of 16-byte points.*3 complete points, then 5 bytes of a cut point at byte offset 48/);
});
