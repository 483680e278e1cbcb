import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpolateTrack, type TrackAnnotation } from '@labelkit/core';
import type { Dataset, FormatError } from '../dataset.js';
import { videoDatasetArb } from '../shared/arbitraries.js';
import { fixture, fixtureDir, tempDirs } from '../shared/fixtures.js';
import { validateDataset } from '../validate-dataset.js';
import { mot } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const tmp = tempDirs('labelkit-mot-');

const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return (e as FormatError).issues;
  }
  throw new Error('expected a FormatError');
};

describe('mot golden', () => {
  it("reads datumaro's sequence (seqinfo.ini, gt/labels.txt, a detection row with id -1) and writes it back", () => {
    const files = fixtureDir('mot/datumaro_mot_seq');
    const { dataset, warnings } = mot.parse(files);
    expect(warnings).toEqual([]);
    expect(validateDataset(dataset)).toEqual([]);
    expect(dataset.schema.labels.map((l) => l.id)).toEqual(['label_0', 'label_1', 'label_2', 'label_3', 'label_4', 'label_5', 'label_6', 'label_7', 'label_8', 'label_9']);
    const [item] = dataset.items;
    expect(item!.media).toEqual({ id: 'Test', fps: 10, frameCount: 1, width: 16, height: 16, extra: { mot: { seqinfo: [['imDir', 'img1'], ['imExt', '.jpg']] } } });
    // `1,-1,0,4,4,8,1,3,1.0`: frame 1 → 0, class 3 → label_2, pixels 1-based → x -1, y 3; no track (id -1).
    expect(item!.annotations).toEqual([
      { id: 'det-1', kind: 'track', label: 'label_2', keyframes: [{ frame: 0, x: -1, y: 3, width: 4, height: 8, attributes: { visibility: 1 } }], extra: { mot: { id: -1 } } },
    ]);
    // datumaro itself writes 0-based pixels: pixelBase 0 reads its Bbox(0, 4, 4, 8).
    expect(mot.parse(files, { pixelBase: 0 }).dataset.items[0]!.annotations[0]).toMatchObject({ keyframes: [{ x: 0, y: 4 }] });
    const { output, losses } = mot.serialize(dataset);
    expect(losses).toEqual([]);
    expect(output['gt/gt.txt']).toBe('1,-1,0,4,4,8,1,3,1\n');
    expect(output['gt/labels.txt']!.trim()).toBe(files['gt/labels.txt']!.trim());
    expect(output['seqinfo.ini']!.trim()).toBe(files['seqinfo.ini']!.trim());
  });

  it("rejects scalabel's test file (0-based frames, one id three times on a frame), naming each line", () => {
    const text = fixture('mot/scalabel_motchallenge_labels.txt');
    const zero = issuesOf(() => mot.parse({ 'gt/gt.txt': text }));
    expect(zero.map((i) => i.path)).toEqual(['gt/gt.txt line 1', 'gt/gt.txt line 3', 'gt/gt.txt line 4']);
    expect(zero[0]!.message).toMatch(/frame must be an integer >= 1 .*frameBase: 0/);
    const twice = issuesOf(() => mot.parse({ 'gt/gt.txt': text }, { frameBase: 0 }));
    expect(twice.map((i) => i.path)).toEqual(['gt/gt.txt line 3', 'gt/gt.txt line 4']);
    expect(twice[0]!.message).toMatch(/track 1 has two boxes on frame 1 \(also gt\/gt.txt line 2\)/);
  });

  it('folds rows into tracks: gaps and the end become outside keyframes, the ignore flag goes on the track or its keyframes', () => {
    const { dataset } = mot.parse({
      'seqinfo.ini': '[Sequence]\nname=MOT-X\nframeRate=25\nseqLength=10\nimWidth=640\nimHeight=480\n',
      'labels.txt': 'pedestrian\ncar\n',
      'gt/gt.txt': ['1,1,11,21,5,6,1,1,1', '2,1,12,22,5,6,1,1,0.5', '5,1,15,25,5,6,0,1,0.25', '1,2,1,1,3,3,0,2,1', '10,2,1,1,3,3,0,2,1'].join('\n'),
    });
    const [a, b] = dataset.items[0]!.annotations as TrackAnnotation[];
    expect(a).toEqual({
      id: '1', kind: 'track', label: 'pedestrian',
      keyframes: [
        { frame: 0, x: 10, y: 20, width: 5, height: 6, attributes: { visibility: 1, ignored: false } },
        { frame: 1, x: 11, y: 21, width: 5, height: 6, attributes: { visibility: 0.5, ignored: false } },
        { frame: 2, x: 11, y: 21, width: 5, height: 6, outside: true },
        { frame: 4, x: 14, y: 24, width: 5, height: 6, attributes: { visibility: 0.25, ignored: true } },
        { frame: 5, x: 14, y: 24, width: 5, height: 6, outside: true },
      ],
    });
    // Every row of track 2 is ignored (conf 0): the flag is the track's; its last row is the last frame.
    expect(b).toMatchObject({ id: '2', label: 'car', attributes: { ignored: true } });
    expect(b!.keyframes.map((k) => [k.frame, k.outside ?? false])).toEqual([[0, false], [1, true], [9, false]]);
    expect(dataset.items[0]!.media).toMatchObject({ id: 'MOT-X', fps: 25, frameCount: 10, width: 640, height: 480 });
    expect(validateDataset(dataset)).toEqual([]);
  });

  it('names bad rows, classes and frames past seqLength', () => {
    const issues = issuesOf(() => mot.parse({ 'seqinfo.ini': '[Sequence]\nseqLength=3\n', 'gt/gt.txt': '1,1,0,0,1\n2,1,0,0,0,1,1,1,1\n4,2,0,0,1,1,1,1,1\n1,3,0,0,1,1,1,13,1\n1,4,0,0,1,1,1,1,1\n2,4,0,0,1,1,1,2,1\n' }));
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      expect.stringMatching(/^gt\/gt.txt line 1: expected 6 to 10 .* got 5$/),
      expect.stringMatching(/^gt\/gt.txt line 2: bb_width and bb_height must be > 0/),
      expect.stringMatching(/^gt\/gt.txt line 3: frame 4 is past the sequence's last frame \(seqLength=3\)/),
      expect.stringMatching(/^gt\/gt.txt line 4: class 13 is not a class id of MOT Challenge's classes \(1-12\)/),
      expect.stringMatching(/^gt\/gt.txt line 6: track 4 changes class here \(1 on gt\/gt.txt line 5, 2 here\)/),
    ]);
  });
});

/** MOT ground truth rows of one sequence, written as MOT Challenge does (sorted by frame, then id). */
const motSequenceArb = fc
  .tuple(fc.integer({ min: 1, max: 40 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 5 }))
  .chain(([length, tracks]) =>
    fc.tuple(
      fc.constant(length),
      fc.tuple(
        ...tracks.map(([, cls, allIgnored, mixed]) =>
          fc.tuple(
            fc.uniqueArray(fc.integer({ min: 1, max: length }), { minLength: 1, maxLength: Math.min(length, 8) }),
            fc.constant(cls),
            fc.constant(allIgnored),
            fc.constant(mixed),
            fc.array(fc.tuple(fc.integer({ min: -5, max: 600 }), fc.integer({ min: -5, max: 400 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 80 }), fc.constantFrom(0, 0.25, 0.5, 1), fc.boolean()), { minLength: 8, maxLength: 8 }),
          ),
        ),
      ),
      fc.constant([...new Set(tracks.map(([id]) => id))]),
    ),
  )
  .map(([length, tracks, ids]) => {
    const rows: [number, number, string][] = [];
    tracks.forEach(([frames, cls, allIgnored, mixed, boxes], k) => {
      const id = ids[k];
      if (id === undefined) return;
      [...frames].sort((p, q) => p - q).forEach((f, j) => {
        const [l, t, w, h, vis, flag] = boxes[j]!;
        const conf = mixed ? (flag ? 1 : 0) : allIgnored ? 0 : 1;
        rows.push([f, id, `${f},${id},${l},${t},${w},${h},${conf},${cls},${vis}`]);
      });
    });
    rows.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    return {
      'gt/gt.txt': rows.map((r) => `${r[2]}\n`).join(''),
      'gt/labels.txt': 'pedestrian\ncar\nbicycle\n',
      'seqinfo.ini': `[Sequence]\nname=seq\nimDir=img1\nframeRate=30\nseqLength=${length}\nimWidth=640\nimHeight=480\nimExt=.jpg\n`,
    };
  });

/** Every frame of every track, as interpolateTrack draws it (null where absent). */
function frames(d: Dataset): (string | null)[][] {
  const n = d.items[0]!.media.frameCount!;
  return (d.items[0]!.annotations as TrackAnnotation[]).map((t) =>
    Array.from({ length: n }, (_, f) => {
      const b = interpolateTrack(t.keyframes, f);
      return b && [b.x, b.y, b.width, b.height].map((v) => v.toFixed(6)).join(',');
    }),
  );
}

describe('mot round trip', () => {
  it('MOT → labelkit → MOT writes the same files', () => {
    fc.assert(
      fc.property(motSequenceArb, (files) => {
        const { dataset } = mot.parse(files);
        expect(validateDataset(dataset)).toEqual([]);
        const { output, losses } = mot.serialize(dataset);
        expect(losses).toEqual([]);
        expect(output).toEqual(files);
      }),
      { numRuns: 100 },
    );
  });

  it('labelkit → MOT → labelkit draws the same box on every frame (ids, occlusion and rotation aside, reported as losses)', () => {
    fc.assert(
      fc.property(videoDatasetArb({ rotation: false, occluded: false }), (d) => {
        d.items[0]!.media.fps = 12.5;
        const { output, losses } = mot.serialize(d);
        const present = (d.items[0]!.annotations as TrackAnnotation[]).filter((t) => t.keyframes.some((k) => !k.outside));
        expect(losses.filter((l) => !/ids are integers|present on no frame/.test(l.message))).toEqual([]);
        const back = mot.parse(output).dataset;
        expect(back.items[0]!.media).toMatchObject({ id: 'clip.mp4', width: d.items[0]!.media.width, height: d.items[0]!.media.height, frameCount: 300, fps: 12.5 });
        expect(frames(back)).toEqual(frames({ ...d, items: [{ ...d.items[0]!, annotations: present }] }));
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});

describe('mot read by an outside reader (the MOT file spec, Python standard library)', () => {
  const python = '/usr/bin/python3';
  it('reads what labelkit writes: frames and pixels 1-based, one row per present frame, classes and flags', () => {
    if (!existsSync(python)) throw new Error(`${python} is missing: install the Debian package python3`);
    const datasets = fc.sample(videoDatasetArb({ rotation: false, occluded: false }), { numRuns: 15, seed: 14 });
    const dirs = datasets.map((d, n) => {
      const dir = path.join(tmp(), `seq${n}`);
      for (const [name, text] of Object.entries(mot.serialize(d).output)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
      }
      return dir;
    });
    const read = execFileSync(python, [path.join(here, 'mot_reader.py'), ...dirs], { encoding: 'utf8' }).trim().split('\n').map((l) => JSON.parse(l) as { seqinfo: Record<string, string>; labels: string[]; rows: number[][]; errors: string[] });
    read.forEach((r, n) => {
      const d = datasets[n]!;
      expect(r.errors).toEqual([]);
      expect(r.seqinfo).toMatchObject({ name: 'clip.mp4', seqLength: '300', imWidth: String(d.items[0]!.media.width), imHeight: String(d.items[0]!.media.height) });
      expect(r.labels).toEqual(['car', 'person']);
      // What the reader sees, against labelkit's own interpolation of each track on each frame.
      const expected: number[][] = [];
      let id = 0;
      for (const t of d.items[0]!.annotations as TrackAnnotation[]) {
        id++; // ids in annotation order, a track present on no frame included

        for (let f = 0; f < 300; f++) {
          const b = interpolateTrack(t.keyframes, f);
          if (b) expected.push([f + 1, id, b.x + 1, b.y + 1, b.width, b.height, 1, t.label === 'car' ? 1 : 2, 1]);
        }
      }
      expected.sort((p, q) => p[0]! - q[0]! || p[1]! - q[1]!);
      expect(r.rows.length).toBe(expected.length);
      r.rows.forEach((row, k) => row.forEach((v, c) => expect(v).toBeCloseTo(expected[k]![c]!, 9)));
    });
  }, 60_000);
});
