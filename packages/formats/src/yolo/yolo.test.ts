import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError, type Dataset } from '../dataset.js';
import { datasetDiff, imageDatasetArb } from '../shared/arbitraries.js';
import { fixtureDir } from '../shared/fixtures.js';
import { boxCorners } from '../shared/geometry.js';
import { yolo } from './index.js';

const cornersInside = (d: Dataset) =>
  d.items.every((it) => it.annotations.every((a) => a.kind !== 'bbox' || boxCorners(a).every(([x, y]) => x >= 0 && y >= 0 && x <= it.media.width! && y <= it.media.height!)));

const issuesOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof FormatError) return e.issues;
    throw e;
  }
  throw new Error('expected a FormatError');
};

describe('yolo golden', () => {
  it('reads Ultralytics detection with names from data.yaml', () => {
    const { dataset } = yolo.parse(fixtureDir('yolo/ultralytics_detection'), { width: 30, height: 20 });
    expect(dataset.schema.labels.map((l) => l.id)).toContain('label_9');
    const [item] = dataset.items;
    expect(item!.media).toMatchObject({ id: 'labels/train/1', width: 30, height: 20 });
    expect(item!.annotations[0]).toMatchObject({ kind: 'bbox', label: 'label_2' });
    const b = item!.annotations[0] as { x: number; y: number; width: number; height: number };
    expect(b.x).toBeCloseTo(0, 4);
    expect(b.y).toBeCloseTo(4, 4);
    expect(b.width).toBeCloseTo(8, 4);
    expect(b.height).toBeCloseTo(4, 4);
  });

  it('reads Darknet (obj.names) and Label Studio (classes.txt) exports', () => {
    const dk = yolo.parse(fixtureDir('yolo/darknet_yolo1.1'), { width: 30, height: 20 }).dataset;
    expect(dk.items).toHaveLength(1);
    expect(dk.items[0]!.annotations.map((a) => a.label)).toEqual(['label_2', 'label_4']);
    const ls = yolo.parse(fixtureDir('yolo/labelstudio_import_detect'), { images: { 'img_1.jpg': { width: 640, height: 329 }, 'img_7.jpg': { width: 640, height: 427 } } }).dataset;
    expect(ls.items.map((i) => [i.media.id, i.annotations.length])).toEqual([['labels/img_1', 4], ['labels/img_7', 2]]);
    expect(ls.items[0]!.annotations[0]!.label).toBe('bus');
  });

  it('reads Roboflow (names list) detection', () => {
    const { dataset } = yolo.parse(fixtureDir('yolo/roboflow_export'), { width: 10, height: 5 });
    expect(dataset.items[0]!.annotations[0]).toMatchObject({ kind: 'bbox', label: 'label_0', x: 0, y: 0, width: 1, height: 2 });
  });

  it('reads segmentation rows as polygons', () => {
    const { dataset } = yolo.parse(fixtureDir('yolo/ultralytics_segmentation'), { width: 10, height: 10 });
    const [a, b] = dataset.items[0]!.annotations;
    expect(a).toMatchObject({ kind: 'polygon', label: 'label_2' });
    expect((a as { points: number[][] }).points.map((p) => p.map((v) => Math.round(v * 1e6) / 1e6))).toEqual([[1, 1], [4, 1], [4, 5]]);
    expect((b as { points: unknown[] }).points).toHaveLength(5);
  });

  it('reads OBB rows as rotated boxes and tolerates the real -0.009808 corner with a warning', () => {
    const { dataset, warnings } = yolo.parse(fixtureDir('yolo/ultralytics_oriented_boxes'), { width: 30, height: 20 });
    const [a, b] = dataset.items[0]!.annotations as { kind: string; rotation?: number; width: number; height: number }[];
    expect(a!.kind).toBe('bbox');
    expect(a!.rotation).toBeCloseTo(30, 3);
    expect(b!.rotation).toBeDefined();
    expect(warnings).toEqual([expect.objectContaining({ path: 'labels/train/1.txt line 2', message: expect.stringContaining('-0.009808') })]);
    // Beyond the tolerance it is an error naming the line.
    const bad = { 'a.txt': '0 0.1 0.1 0.3 0.1 0.3 0.3 0.1 -0.05\n', 'data.yaml': 'names: [x]' };
    expect(issuesOf(() => yolo.parse(bad, { width: 10, height: 10, task: 'obb' }))).toEqual([{ path: 'a.txt line 1', message: expect.stringContaining('outside [0, 1]') }]);
  });

  it('reads pose rows with kpt_shape [3, 3] and [3, 2]', () => {
    const p3 = yolo.parse(fixtureDir('yolo/ultralytics_pose'), { width: 10, height: 10 }).dataset;
    const [box, kp] = p3.items[0]!.annotations;
    expect(box!.kind).toBe('bbox');
    expect(kp).toMatchObject({ kind: 'keypoints', label: 'skeleton_label' });
    expect((kp as { points: { visibility: number }[] }).points.map((p) => p.visibility)).toEqual([2, 2, 2]);
    expect(p3.schema.byId.get('skeleton_label')!.skeleton!.keypoints).toEqual(['1', '2', '3']);
    const p2 = yolo.parse(fixtureDir('yolo/ultralytics_pose_xy_only'), { width: 10, height: 10 }).dataset;
    expect((p2.items[0]!.annotations[1] as { points: unknown[] }).points).toHaveLength(3);
  });
});

describe('yolo errors', () => {
  const names = { 'data.yaml': 'names: [a, b]' };
  it('names the line of out-of-range values, wrong column counts, unknown classes and mixed rows', () => {
    const issues = issuesOf(() =>
      yolo.parse({ ...names, 'x.txt': '0 0.5 0.5 1.2 0.1\n0 0.5 0.5\n5 0.1 0.1 0.1 0.1\n', 'y.txt': '0 0.1 0.1 0.2 0.2\n1 0.1 0.1 0.5 0.1 0.5 0.5\n' }, { width: 10, height: 10 }),
    );
    expect(issues.map((i) => i.path)).toEqual(['x.txt line 1', 'x.txt line 2', 'x.txt line 3', 'y.txt line 2']);
    expect(issues[3]!.message).toMatch(/cannot be mixed/);
  });
  it('requires image sizes', () => {
    expect(issuesOf(() => yolo.parse({ ...names, 'x.txt': '0 0.5 0.5 0.1 0.1' }))[0]!.message).toMatch(/image size unknown/);
  });
  it('reports rotation in detect mode as a loss', () => {
    const d = yolo.parse({ ...names, 'x.txt': '0 0.5 0.5 0.1 0.1' }, { width: 10, height: 10 }).dataset;
    (d.items[0]!.annotations[0] as { rotation?: number }).rotation = 10;
    expect(yolo.serialize(d, { task: 'detect' }).losses).toEqual([expect.objectContaining({ path: 'items[0].annotations[0].rotation' })]);
  });
});

describe('yolo round trip', () => {
  const sizes = (d: { items: { media: { id: string; width?: number; height?: number } }[] }) =>
    Object.fromEntries(d.items.map((it) => [it.media.id, { width: it.media.width!, height: it.media.height! }]));
  for (const [task, kinds, opts] of [
    ['detect', ['bbox'], {}],
    ['segment', ['polygon'], {}],
    ['obb', ['bbox'], { rotation: true }],
    ['pose', ['bbox', 'keypoints'], { invisibleAtOrigin: true }],
  ] as const) {
    it(`${task}: parse(serialize(d)) equals d within 1e-6 px`, () => {
      fc.assert(
        fc.property(imageDatasetArb({ kinds: [...kinds], inside: true, ...opts }).filter(cornersInside), (d) => {
          const { output, losses } = yolo.serialize(d, { task });
          expect(losses).toEqual([]);
          const back = yolo.parse(output, { images: sizes(d), schema: d.schema, task }).dataset;
          expect(datasetDiff(back, d, { ignoreIds: true, mediaFields: ['width', 'height'] })).toBeUndefined();
        }),
        { numRuns: 100 },
      );
    });
  }
});
