// loadPointCloud in Chromium: the file is fetched and parsed in a Web Worker and the typed arrays come
// back transferred; errors cross the worker boundary as PointCloudError with their fields.
import { afterEach, describe, expect, test } from 'vitest';
import { loadPointCloud } from './load-point-cloud.js';
import { parsePointCloud } from './parse-point-cloud.js';
import { PointCloudError } from './point-cloud-error.js';

// Served by Vite from the repository (test-fixtures/SOURCES.md says where they come from).
const carUrl = new URL('../../test-fixtures/pointcloud/pcl_car6.binary_compressed.pcd', import.meta.url).href;
const colouredUrl = new URL('../../test-fixtures/pointcloud/pcl_colored_cloud.binary.pcd', import.meta.url).href;
const RealWorker = globalThis.Worker;
afterEach(() => {
  globalThis.Worker = RealWorker;
});

const bytesOf = async (url: string) => (await fetch(url)).arrayBuffer();

describe('loadPointCloud in a Web Worker', () => {
  test('a URL is fetched and parsed in a module worker, as parsePointCloud parses it here', async () => {
    const started: (string | URL)[] = [];
    globalThis.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        started.push(url);
      }
    };
    const cloud = await loadPointCloud(carUrl);
    expect(started).toHaveLength(1);
    expect(String(started[0])).toMatch(/point-cloud\.worker\.(js|ts)/);
    expect(cloud.count).toBe(10031);
    expect(cloud.positions).toBeInstanceOf(Float32Array);
    expect(cloud).toEqual(parsePointCloud(await bytesOf(carUrl)));
    // The one worker serves the next load too.
    const coloured = await loadPointCloud(colouredUrl);
    expect(started).toHaveLength(1);
    expect(coloured.colors).toBeInstanceOf(Uint8Array);
    expect(coloured).toEqual(parsePointCloud(await bytesOf(colouredUrl)));
  });

  test('bytes are copied to the worker, or handed over with transfer: true; Blobs and views work', async () => {
    const bytes = await bytesOf(colouredUrl);
    const expected = parsePointCloud(bytes);
    expect(await loadPointCloud(bytes)).toEqual(expected);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(await loadPointCloud(new Blob([bytes]))).toEqual(expected);
    expect(await loadPointCloud(new Uint8Array(bytes))).toEqual(expected);
    const handedOver = bytes.slice(0);
    expect(await loadPointCloud(handedOver, { transfer: true })).toEqual(expected);
    expect(handedOver.byteLength).toBe(0);
  });

  test('many loads at once each get their own answer', async () => {
    const kitti = (n: number) => new Float32Array(Array.from({ length: 4 * n }, (_, i) => i)).buffer;
    const clouds = await Promise.all([1, 2, 3, 4, 5].map((n) => loadPointCloud(kitti(n), { format: 'kitti-bin' })));
    expect(clouds.map((c) => c.count)).toEqual([1, 2, 3, 4, 5]);
  });

  test("the parser's error arrives as a PointCloudError with its line and keyword", async () => {
    const bad = new TextEncoder().encode('VERSION 0.7\nFIELDS x y z\nSIZE 4 4\nDATA ascii\n');
    const error = await loadPointCloud(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PointCloudError);
    expect(error).toMatchObject({ line: 3, keyword: 'SIZE', format: 'pcd' });
    expect((error as Error).message).toBe('PCD header line 3 (SIZE): 2 values for the 3 FIELDS (x y z)');
  });

  test('a missing URL rejects with its HTTP status', async () => {
    await expect(loadPointCloud('/no-such-cloud.pcd')).rejects.toThrow(/no-such-cloud\.pcd: HTTP 404/);
  });

  test('an aborted load rejects with the abort reason', async () => {
    const controller = new AbortController();
    const pending = loadPointCloud(carUrl, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(loadPointCloud(carUrl, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('worker: false parses on this thread', async () => {
    const bytes = await bytesOf(carUrl);
    globalThis.Worker = class {
      constructor() {
        throw new Error('no worker should start');
      }
    } as unknown as typeof Worker;
    expect(await loadPointCloud(carUrl, { worker: false })).toEqual(parsePointCloud(bytes));
  });
});
