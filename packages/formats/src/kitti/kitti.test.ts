// KITTI on the real fixture (datumaro's label_2 + calib, whose numbers are KITTI's published 2011_09_26
// calibration), against numpy's matrix inverse as the reference, and round-trip property tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { defineSchema, type CuboidAnnotation } from '@labelkit/core';
import { describe, expect, test } from 'vitest';
import { FormatError, type Dataset } from '../dataset.js';
import { fixtureDir } from '../shared/fixtures.js';
import { kitti } from './kitti.js';

const files = fixtureDir('3d/kitti');
const tokens = (text: string) => text.trim().split(/\s+/).map((t) => (/^[A-Za-z]/.test(t) ? t : Number(t)));

/** numpy's answer for the centroids: inv(R0_rect · Tr_velo_to_cam) · [x, y − h/2, z, 1]. */
function numpyCentres(calib: string, rows: number[][]): number[][] {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) throw new Error("the KITTI test needs Debian's Python (/usr/bin/python3; apt-get install -y python3-numpy)");
  const script = `
import json, sys, numpy as np
calib, rows = json.load(sys.stdin)
m = {}
for line in calib.splitlines():
    if ':' in line:
        k, v = line.split(':', 1); m[k] = np.array([float(x) for x in v.split()])
R0 = np.eye(4); R0[:3, :3] = m['R0_rect'].reshape(3, 3)
Tr = np.eye(4); Tr[:3, :] = m['Tr_velo_to_cam'].reshape(3, 4)
inv = np.linalg.inv(R0 @ Tr)
print(json.dumps([list((inv @ np.array([x, y - h / 2, z, 1.0]))[:3]) for h, w, l, x, y, z in rows]))
`;
  const r = spawnSync(python, ['-c', script], { input: JSON.stringify([calib, rows]), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`numpy reference failed (the KITTI test needs Debian's python3-numpy): ${r.stderr}`);
  return JSON.parse(r.stdout) as number[][];
}

describe('kitti on the fixture', () => {
  const { dataset, warnings } = kitti.parse(files);
  const [item] = dataset.items;
  const cuboids = item!.annotations as CuboidAnnotation[];

  test('one item per frame, a cuboid per object line, DontCare kept', () => {
    expect(warnings).toEqual([]);
    expect(dataset.items.map((i) => i.media.id)).toEqual(['000001']);
    expect(cuboids.map((c) => c.label)).toEqual(['Truck', 'Car']);
    expect(dataset.schema.labels.map((l) => l.id)).toEqual(['Truck', 'Car']);
    expect((item!.media.extra!.kitti as { dontCare: string[] }).dontCare).toEqual(['DontCare -1 -1 -10 500 170 590 190 -1 -1 -1 -1000 -1000 -1000 -10']);
  });

  test('size is [l, w, h], yaw = −rotation_y − π/2, the 2D fields are kept in extra', () => {
    expect(cuboids[0]).toMatchObject({ size: [12.34, 2.63, 2.85], yaw: 1.56 - Math.PI / 2, extra: { kitti: { truncated: 0, occluded: 0, alpha: -1.57, bbox: [600, 150, 630, 190] } } });
    expect(cuboids[1]).toMatchObject({ size: [2.02, 0.6, 1.86], yaw: 1.55 - Math.PI / 2, extra: { kitti: { occluded: 3 } } });
  });

  test('the centre is the centroid through the exact inverse of R0_rect · Tr_velo_to_cam (as numpy computes it)', () => {
    const rows = files['label_2/000001.txt']!.trim().split('\n').slice(0, 2).map((l) => l.split(' ').slice(8, 14).map(Number));
    const expected = numpyCentres(files['calib/000001.txt']!, rows);
    cuboids.forEach((c, i) => c.center.forEach((v, k) => expect(v).toBeCloseTo(expected[i]![k]!, 11)));
    // In the LiDAR frame the truck is ~69 m ahead (x forward).
    expect(cuboids[0]!.center[0]).toBeGreaterThan(69);
  });

  test("raising the bottom centre along LiDAR z instead (OpenPCDet's shortcut) would be centimetres off", () => {
    const truck = files['label_2/000001.txt']!.split('\n')[0]!.split(' ').slice(8, 14).map(Number);
    const [h, , , x, y, z] = truck as [number, number, number, number, number, number];
    const [bottom] = numpyCentres(files['calib/000001.txt']!, [[0, 0, 0, x, y, z]]);
    const shortcut = [bottom![0]!, bottom![1]!, bottom![2]! + h / 2];
    const off = Math.hypot(...shortcut.map((v, k) => v - cuboids[0]!.center[k]!));
    expect(off).toBeGreaterThan(0.015);
    expect(off).toBeLessThan(0.03);
  });

  test('serialize writes both files back: the calib verbatim, the labels with the same numbers', () => {
    const { output, losses } = kitti.serialize(dataset);
    expect(losses).toEqual([]);
    expect(Object.keys(output).sort()).toEqual(['calib/000001.txt', 'label_2/000001.txt']);
    expect(output['calib/000001.txt']).toBe(files['calib/000001.txt']);
    const written = output['label_2/000001.txt']!.trim().split('\n').map(tokens);
    const original = files['label_2/000001.txt']!.trim().split('\n').map(tokens);
    expect(written).toEqual(original);
  });
});

describe('kitti round trips', () => {
  const calib = files['calib/000001.txt']!;
  const two = (lo: number, hi: number) => fc.integer({ min: lo * 100, max: hi * 100 }).map((v) => v / 100);
  const line = fc
    .record({
      type: fc.constantFrom('Car', 'Pedestrian', 'Cyclist', 'Van'),
      trunc: two(0, 1), occ: fc.integer({ min: 0, max: 3 }), alpha: two(-3, 3),
      box: fc.tuple(two(0, 600), two(0, 180), two(600, 1240), two(180, 370)),
      dims: fc.tuple(two(0.5, 4), two(0.3, 3), two(0.5, 15)), loc: fc.tuple(two(-40, 40), two(-3, 3), two(1, 80)), ry: two(-3.14, 3.14),
      score: fc.option(two(0, 1), { nil: undefined }),
    })
    .map((o) => [o.type, o.trunc, o.occ, o.alpha, ...o.box, ...o.dims, ...o.loc, o.ry, ...(o.score === undefined ? [] : [o.score])].join(' '));

  test('KITTI files → dataset → files give the same numbers, and read back to the same dataset', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.boolean(), (rows, dontCare) => {
        const text = [...rows, ...(dontCare ? ['DontCare -1 -1 -10 1 2 3 4 -1 -1 -1 -1000 -1000 -1000 -10'] : [])].join('\n') + '\n';
        const input = { 'training/label_2/000042.txt': text, 'training/calib/000042.txt': calib };
        const first = kitti.parse(input).dataset;
        const { output, losses } = kitti.serialize(first);
        expect(losses).toEqual([]);
        const rowsOf = (t: string) => t.split('\n').filter((l) => l.trim()).map(tokens);
        expect(rowsOf(output['training/label_2/000042.txt']!)).toEqual(rowsOf(text));
        expect(kitti.parse(output).dataset).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  test('cuboids made in the LiDAR frame come back without drift (rotation_y written in [−π, π])', () => {
    const schema = defineSchema({ labels: [{ id: 'Car', kinds: ['cuboid'] }] });
    const cuboid = fc.record({
      center: fc.tuple(fc.double({ min: 2, max: 80, noNaN: true }), fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: -3, max: 2, noNaN: true })),
      size: fc.tuple(fc.double({ min: 0.5, max: 15, noNaN: true }), fc.double({ min: 0.3, max: 3, noNaN: true }), fc.double({ min: 0.5, max: 4, noNaN: true })),
      yaw: fc.double({ min: -10, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(cuboid, { minLength: 1, maxLength: 5 }), (boxes) => {
        const dataset: Dataset = { schema, items: [{ media: { id: '7' }, annotations: boxes.map((b, i) => ({ id: `c${i}`, kind: 'cuboid', label: 'Car', ...b })) }] };
        const { output, losses } = kitti.serialize(dataset, { calib });
        expect(losses).toEqual([]);
        for (const row of output['label_2/7.txt']!.trim().split('\n')) {
          const ry = Number(row.split(' ')[14]);
          expect(Math.abs(ry)).toBeLessThanOrEqual(Math.PI);
        }
        const back = kitti.parse(output).dataset.items[0]!.annotations as CuboidAnnotation[];
        back.forEach((c, i) => {
          const b = boxes[i]!;
          c.center.forEach((v, k) => expect(Math.abs(v - b.center[k]!)).toBeLessThan(1e-9));
          c.size.forEach((v, k) => expect(Math.abs(v - b.size[k]!)).toBeLessThan(1e-9));
          const dYaw = c.yaw - b.yaw;
          expect(Math.abs(dYaw - 2 * Math.PI * Math.round(dYaw / (2 * Math.PI)))).toBeLessThan(1e-9);
        });
        // And a second trip writes the same text: no drift.
        expect(kitti.serialize(kitti.parse(output).dataset).output).toEqual(output);
      }),
      { numRuns: 150 },
    );
  });
});

describe('kitti losses and errors', () => {
  const calib = files['calib/000001.txt']!;
  const schema = defineSchema({ labels: [{ id: 'Car' }] });

  test('what KITTI cannot carry is reported', () => {
    const dataset: Dataset = {
      schema,
      items: [
        {
          media: { id: '1' },
          annotations: [
            { id: 'a', kind: 'cuboid', label: 'Car', center: [10, 0, 0], size: [4, 2, 1.5], yaw: 0, pitch: 0.1, attributes: { parked: true }, frame: 3, extra: { other: 1 } },
            { id: 'b', kind: 'bbox', label: 'Car', x: 0, y: 0, width: 1, height: 1 },
            { id: 'c', kind: 'cuboid', label: 'Car', center: [-10, 0, 0], size: [4, 2, 1.5], yaw: 0 },
          ],
        },
        { media: { id: '2' }, annotations: [{ id: 'd', kind: 'cuboid', label: 'Car', center: [10, 0, 0], size: [4, 2, 1.5], yaw: 0 }] },
      ],
    };
    const { output, losses } = kitti.serialize(dataset, { calib: { '1': calib } });
    expect(losses.map((l) => `${l.path}: ${l.message}`)).toEqual([
      'items[0].annotations[0].attributes: KITTI has no attributes; parked not exported',
      'items[0].annotations[0].extra: foreign fields other not exported',
      'items[0].annotations[0]: KITTI has only rotation_y: pitch 0.1 and roll 0 rad not exported',
      'items[0].annotations[0].frame: KITTI object labels have no sequence frame (3); the item is the frame',
      'items[0].annotations[1]: KITTI cannot carry a "bbox" annotation (label "Car"); not exported',
      'items[0].annotations[2]: the cuboid is behind the camera: its 2D box is written as 0 0 0 0',
      'items[1].annotations[0]: cuboid not exported: no calib file (media.extra.kitti.calib or the calib option)',
    ]);
    expect(output['label_2/2.txt']).toBe('');
    // A new cuboid ahead of the car gets a 2D box projected with P2, and alpha from its position.
    const row = output['label_2/1.txt']!.split('\n')[0]!.split(' ').map(Number);
    expect(row[4]).toBeLessThan(row[6]!);
    expect(row[5]).toBeLessThan(row[7]!);
  });

  test('bad lines and a missing calib are errors naming the file and line', () => {
    const bad = { 'label_2/5.txt': 'Car 0 0 0 1 2 3 4 1 1 1 0 0 10\nCar 0 0 0 1 2 3 4 1 1 x 0 0 10 0\n', 'calib/5.txt': calib, 'label_2/6.txt': '' };
    try {
      kitti.parse(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
      expect((e as FormatError).issues).toEqual([
        { path: 'label_2/5.txt line 1', message: 'expected a type and 14 numbers (15 with a score), found 13 values after "Car"' },
        { path: 'label_2/5.txt line 2', message: 'value 11 ("x") is not a number' },
        { path: 'label_2/6.txt', message: 'no calib/6.txt for this label file: the cuboids are placed in the LiDAR frame through its R0_rect and Tr_velo_to_cam' },
      ]);
    }
  });

  test('one file instead of a file set is an error', () => {
    expect(() => kitti.parse('Car 0 0 0 1 2 3 4 1 1 1 0 0 10 0' as unknown as Record<string, string>)).toThrow(/KITTI is a set of files/);
  });

  test('a calib without Tr_velo_to_cam is an error', () => {
    expect(() => kitti.parse({ 'label_2/1.txt': '', 'calib/1.txt': 'P2: 1 0 0 0 0 1 0 0 0 0 1 0\nR0_rect: 1 0 0 0 1 0 0 0 1\n' })).toThrow(/calib\/1.txt: Tr_velo_to_cam must have 12 values \(3×4\), found none/);
  });
});
