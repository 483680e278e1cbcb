import { expect, test } from 'vitest';
import { detectPointCloudFormat, parsePointCloud } from './parse-point-cloud.js';
import { thrown } from './test-utils/thrown.js';

const enc = (s: string) => new TextEncoder().encode(s);

test('PCD and PLY are recognised from their headers', () => {
  expect(detectPointCloudFormat(enc('# .PCD v0.7\nVERSION 0.7\n'))).toBe('pcd');
  expect(detectPointCloudFormat(enc('VERSION .7\n'))).toBe('pcd');
  expect(detectPointCloudFormat(enc('FIELDS x y z\n'))).toBe('pcd');
  expect(detectPointCloudFormat(enc('ply\r\nformat ascii 1.0\r\n'))).toBe('ply');
  expect(detectPointCloudFormat(new Float32Array([1, 2, 3, 4]))).toBeUndefined();
});

test('anything else is an error at byte 0 that points to kitti-bin', () => {
  const e = thrown(() => parsePointCloud(new Float32Array([1, 2, 3, 4]).buffer));
  expect(e.offset).toBe(0);
  expect(e.message).toMatch(/starts with bytes 00 00 80 3f 00 00 00 40.*pass \{ format: 'kitti-bin' \}/);
  expect(() => parsePointCloud(new ArrayBuffer(0))).toThrow(/\(none: it is empty\)/);
});

test('an ArrayBuffer, a Uint8Array and a Node Buffer give the same cloud', () => {
  const text = 'FIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nPOINTS 1\nDATA ascii\n1 2 3\n';
  const a = parsePointCloud(enc(text).buffer);
  expect(parsePointCloud(enc(text))).toEqual(a);
  expect(parsePointCloud(Buffer.from(text))).toEqual(a);
});
