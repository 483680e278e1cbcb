// loadPointCloud where there are no Web Workers (Node): it parses on the calling thread.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { loadPointCloud } from './load-point-cloud.js';
import { parsePointCloud } from './parse-point-cloud.js';
import { PointCloudError } from './point-cloud-error.js';

const fixture = readFileSync(new URL('../../test-fixtures/pointcloud/pcl_lamppost.ascii.pcd', import.meta.url));

test('Node has no Worker: bytes and Blobs are parsed here', async () => {
  expect(typeof Worker).toBe('undefined');
  const expected = parsePointCloud(fixture);
  expect(await loadPointCloud(fixture)).toEqual(expected);
  expect(await loadPointCloud(new Blob([fixture]))).toEqual(expected);
  await expect(loadPointCloud(new Uint8Array(3), { format: 'kitti-bin' })).rejects.toBeInstanceOf(PointCloudError);
});

test('an aborted signal rejects before anything is read', async () => {
  const controller = new AbortController();
  controller.abort(new Error('stop'));
  await expect(loadPointCloud(fixture, { signal: controller.signal })).rejects.toThrow('stop');
});
