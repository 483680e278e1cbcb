import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../dataset.js';
import { datasetDiff, imageDatasetArb } from '../shared/arbitraries.js';
import { fixture } from '../shared/fixtures.js';
import { coco } from './index.js';

describe('coco golden', () => {
  it('reads polygons, RLE (kept in extra with a warning) and CVAT-style attributes', () => {
    const { dataset, warnings } = coco.parse(fixture('coco/instances_polygon_and_rle_minimal.json'));
    expect(dataset.schema.labels.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    const [item] = dataset.items;
    expect(item!.media).toMatchObject({ id: 'b.jpg', width: 5, height: 10 });
    expect(item!.annotations[0]).toEqual({ id: '1', kind: 'polygon', label: 'a', points: [[0, 0], [1, 0], [1, 2], [0, 2]], attributes: { x: 1, y: 'hello' } });
    expect(item!.annotations[1]).toMatchObject({ id: '2', kind: 'bbox', label: 'b', x: 0, y: 0, width: 1, height: 9, extra: { coco: { iscrowd: 1, segmentation: { counts: [0, 20, 30], size: [10, 5] } } } });
    expect(warnings.some((w) => w.path === 'annotations[1].segmentation' && /RLE/.test(w.message))).toBe(true);
    // Category ids 1, 2, 4 survive a re-export.
    const out = JSON.parse(coco.serialize(dataset).output);
    expect(out.categories.map((c: { id: number; name: string }) => [c.id, c.name])).toEqual([[1, 'a'], [2, 'b'], [4, 'c']]);
    expect(out.annotations[1].segmentation).toEqual({ counts: [0, 20, 30], size: [10, 5] });
    expect(out.info).toBeDefined();
  });

  it('reads the COCO 2017 keypoints subset: 17 named joints, 1-based skeleton, polygon + keypoints per person', () => {
    const text = fixture('coco/person_keypoints_coco2017_subset.json');
    const { dataset } = coco.parse(text);
    const person = dataset.schema.byId.get('person')!;
    expect(person.skeleton!.keypoints).toHaveLength(17);
    expect(person.skeleton!.edges![0]).toEqual(['left_ankle', 'left_knee']); // [16, 14]
    const all = dataset.items.flatMap((i) => i.annotations);
    const kps = all.filter((a) => a.kind === 'keypoints');
    expect(kps).toHaveLength(14);
    expect(all.filter((a) => a.kind === 'polygon').length).toBeGreaterThanOrEqual(14);
    // A person of several polygon parts: ids 467657, 467657-2, ... share the COCO annotation.
    const parts = all.filter((a) => a.id === '467657' || a.id.startsWith('467657-'));
    expect(parts.map((a) => a.kind)).toEqual(['polygon', 'polygon', 'polygon', 'polygon', 'keypoints']);
    // Re-export is faithful: same annotation ids, keypoints, boxes, areas and skeleton.
    const src = JSON.parse(text);
    const out = JSON.parse(coco.serialize(dataset).output);
    expect(out.categories[0].skeleton).toEqual(src.categories[0].skeleton);
    for (const a of src.annotations) {
      const b = out.annotations.find((x: { id: number }) => x.id === a.id);
      expect(b).toMatchObject({ image_id: a.image_id, bbox: a.bbox, area: a.area, keypoints: a.keypoints, num_keypoints: a.num_keypoints, segmentation: a.segmentation });
    }
    expect(out.images).toEqual(src.images.map((i: object) => expect.objectContaining(i)));
  });

  it('reads a coco-annotator export (string iscrowd, foreign fields in extra)', () => {
    const { dataset } = coco.parse(fixture('coco/instances_polygons_coco-annotator-export.json'));
    expect(dataset.items.map((i) => i.media.id)).toEqual(['image1.jpg', 'image2.jpg']);
    expect(dataset.items[1]!.annotations.map((a) => a.id)).toEqual(['1000', '1000-2']);
    expect(dataset.schema.byId.get('Class_1')!.color).toBe('#594b6f');
    expect(dataset.items[0]!.annotations[0]!.extra!.coco).toMatchObject({ iscrowd: 'false', isbbox: 'false', color: '#d446da' });
  });

  it('reads 0-based skeletons and unnamed keypoints with a warning', () => {
    const { dataset, warnings } = coco.parse(fixture('coco/person_keypoints_minimal_with_rle.json'));
    expect(dataset.schema.byId.get('a')!.skeleton).toEqual({ keypoints: ['1', '2', '3'], edges: [['1', '2'], ['2', '3']] });
    expect(warnings.some((w) => /0-based/.test(w.message))).toBe(true);
    const out = JSON.parse(coco.serialize(dataset).output);
    expect(out.categories[0].skeleton).toEqual([[1, 2], [2, 3]]);
  });
});

describe('coco errors', () => {
  const base = { images: [{ id: 1, file_name: 'a.jpg', width: 10, height: 10 }], categories: [{ id: 1, name: 'a' }] };
  it('rejects a polygon with fewer than 6 numbers (not a bbox) and names every problem', () => {
    const bad = { ...base, annotations: [{ id: 1, image_id: 1, category_id: 1, segmentation: [[1, 2, 3, 4]], bbox: [1, 2, 2, 2] }, { id: 2, image_id: 9, category_id: 7, bbox: [0, 0, 1] }] };
    const e = (() => {
      try {
        coco.parse(bad);
      } catch (err) {
        return err as FormatError;
      }
    })();
    expect(e).toBeInstanceOf(FormatError);
    expect(e!.issues.map((i) => i.path)).toEqual(['annotations[0].segmentation[0]', 'annotations[1].image_id', 'annotations[1].category_id', 'annotations[1].bbox']);
  });
  it('reports invalid JSON with a line', () => {
    expect(() => coco.parse('{\n  "images": [,]\n}')).toThrow(/line 2/);
  });
  it('rejects labels not in a given schema', () => {
    const schema = coco.parse({ ...base, annotations: [] }).dataset.schema;
    expect(() => coco.parse({ ...base, categories: [{ id: 1, name: 'A' }], annotations: [] }, { schema })).toThrow(/categories\[0\]\.name: unknown label "A".*did you mean "a"/);
  });
});

describe('coco round trip', () => {
  it('parse(serialize(d)) equals d for boxes, polygons, keypoints, attributes and scores', () => {
    fc.assert(
      fc.property(imageDatasetArb({ attributes: true, score: true, numericIds: true }), (d) => {
        const { output, losses } = coco.serialize(d);
        expect(losses).toEqual([]);
        const back = coco.parse(output, { schema: d.schema }).dataset;
        expect(datasetDiff(back, d, { mediaFields: ['id', 'width', 'height'] })).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });
  it('names what it cannot carry', () => {
    fc.assert(
      fc.property(imageDatasetArb({ rotation: true }), (d) => {
        const { losses } = coco.serialize(d);
        const rotated = d.items.flatMap((it, i) => it.annotations.map((a, j) => ({ a, p: `items[${i}].annotations[${j}]` }))).filter(({ a }) => a.kind === 'bbox' && a.rotation);
        for (const r of rotated) expect(losses.map((l) => l.path)).toContain(`${r.p}.rotation`);
        for (const it of d.items) for (const a of it.annotations) expect(losses.some((l) => l.message.includes(`"${a.id}"`))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
