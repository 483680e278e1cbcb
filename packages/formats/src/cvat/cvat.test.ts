import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_KINDS, type Annotation } from '@labelkit/core';
import { coco } from '../coco/index.js';
import { type Dataset, type FormatError } from '../dataset.js';
import { datasetDiff, imageDatasetArb, videoDatasetArb } from '../shared/arbitraries.js';
import { fixture } from '../shared/fixtures.js';
import { validateDataset } from '../validate-dataset.js';
import { cvat } from './index.js';

describe('cvat golden', () => {
  it('reads a task with typed attributes, a skeleton (outside/occluded), free points and unlabelled shapes', () => {
    const { dataset, warnings } = cvat.parse(fixture('cvat/cvat_for_images_task_with_skeleton.xml'));
    const s = dataset.schema;
    expect(s.labels.map((l) => l.id)).toEqual(['label1', 'label2', 'skeleton']);
    expect(s.byId.get('label1')!.attributes!.map((a) => [a.id, a.type])).toEqual([['a1', 'boolean'], ['a2', 'select'], ['a3', 'text'], ['a4', 'number']]);
    expect(s.byId.get('skeleton')!.skeleton).toEqual({ keypoints: ['1', '2', '3', '4'], edges: [['3', '2'], ['1', '4']] });
    const [img0, img1] = dataset.items;
    expect(img0!.media).toMatchObject({ id: 'img0.jpg', width: 8, height: 8 });
    expect(img0!.annotations[0]).toEqual({ id: 's1', kind: 'bbox', label: 'label1', x: 0, y: 2, width: 4, height: 2, attributes: { a1: true, a2: 'v3', a3: '0003', a4: 2.4 }, extra: { cvat: { occluded: true, z_order: '1' } } });
    const sk = img0!.annotations.find((a) => a.kind === 'keypoints')!;
    expect(sk).toMatchObject({ label: 'skeleton', points: [{ x: 1, y: 1, visibility: 0 }, { x: 2, y: 2, visibility: 2 }, { x: 3, y: 3, visibility: 2 }, { x: 4, y: 4, visibility: 2 }] });
    // The label="" polyline and polygon are kept on the media, with warnings.
    expect((img0!.media.extra!.cvat as { shapes: string[] }).shapes[0]).toMatch(/^<polyline label="" points="1.0,2;3,4;5,6;7,8"\/>$/);
    // So is the free point set of label2 (not a skeleton), with a third warning.
    expect(warnings.length).toBe(3);
    expect(img1!.annotations.some((a) => a.label === 'label2')).toBe(false);
    expect((img1!.media.extra!.cvat as { shapes: string[] }).shapes).toContain('<points label="label2" points="1,2;3,4;5,6" z_order="2"/>');
    expect(s.byId.get('label2')!.kinds).not.toContain('keypoints');
    // Re-export and read again: identical.
    const again = cvat.parse(cvat.serialize(dataset).output).dataset;
    expect(datasetDiff(again, dataset, { ignoreIds: true })).toBeUndefined();
    expect(again.schema.byId.get('skeleton')!.skeleton).toEqual(s.byId.get('skeleton')!.skeleton);
  });

  it('reads a project export with subsets (same image names in three subsets)', () => {
    const { dataset, warnings } = cvat.parse(fixture('cvat/cvat_for_images_project_export.xml'));
    expect(dataset.items.map((i) => i.media.id)).toEqual(['Test/img0.jpg', 'Test/img1.jpg', 'Train/img0.jpg', 'Train/img1.jpg', 'Validation/img0.jpg', 'Validation/img1.jpg']);
    expect(warnings.filter((w) => /polyline/.test(w.message))).toHaveLength(3);
    const out = cvat.serialize(dataset).output;
    expect(out).toContain('<image id="0" name="img0.jpg" width="8" height="8" subset="Train" task_id="39">');
  });

  it('names the line of malformed XML and bad shapes', () => {
    const errs = (xml: string) => {
      try {
        cvat.parse(xml);
      } catch (e) {
        return (e as FormatError).issues;
      }
      return [];
    };
    expect(errs('<annotations>\n<image name="a" width="2" height="2">\n</annotations>')[0]!.path).toBe('line 3');
    expect(errs('<annotations>\n<image name="a" width="2" height="2">\n<box label="x" xtl="3" ytl="0" xbr="1" ybr="q"/>\n</image></annotations>').map((i) => i.path)).toEqual(['line 3']);
  });
});

describe('cvat for video', () => {
  it('reads box tracks (keyframes, outside, occluded) and keeps other tracks verbatim', () => {
    const { dataset, warnings } = cvat.parse(fixture('cvat/cvat_for_video_tracks_with_skeleton.xml'));
    expect(dataset.items).toHaveLength(1);
    const [item] = dataset.items;
    expect(item!.media).toMatchObject({ id: 't.mp4', width: 25, height: 20 });
    expect(item!.annotations).toEqual([
      { id: 't0', kind: 'track', label: 'II', keyframes: [
        { frame: 10, x: 3, y: 4, width: 7, height: 1, occluded: true },
        { frame: 13, x: 7, y: 6, width: 7, height: 2, outside: true },
        { frame: 16, x: 8, y: 7, width: 6, height: 10, outside: true },
      ] },
    ]);
    expect((item!.media.extra!.cvat as { tracks: string[] }).tracks).toHaveLength(3);
    expect(warnings.some((w) => /size 4/.test(w.message))).toBe(true);
    const again = cvat.parse(cvat.serialize(dataset).output).dataset;
    expect(datasetDiff(again, dataset)).toBeUndefined();
  });
  it('round-trips box tracks', () => {
    fc.assert(
      fc.property(videoDatasetArb(), (d) => {
        const { output, losses } = cvat.serialize(d);
        expect(losses).toEqual([]);
        expect(datasetDiff(cvat.parse(output, { schema: d.schema }).dataset, d)).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });
});

describe('cvat round trip', () => {
  it('parse(serialize(d)) equals d for rotated boxes, polygons, skeletons and attributes', () => {
    fc.assert(
      fc.property(imageDatasetArb({ rotation: true, attributes: true }), (d) => {
        const { output, losses } = cvat.serialize(d);
        // `person` holds boxes and a skeleton: its boxes go under a companion label, the one loss.
        expect(losses).toEqual([{ path: 'schema.labels[person]', message: expect.stringContaining('"person (shapes)" (type rectangle)') }]);
        const back = cvat.parse(output, { schema: d.schema }).dataset;
        expect(datasetDiff(back, d, { ignoreIds: true, mediaFields: ['id', 'width', 'height'] })).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  }, 30_000);
  it('schema survives through <meta>', () => {
    fc.assert(
      fc.property(imageDatasetArb({ attributes: true }), (d) => {
        const back = cvat.parse(cvat.serialize(d).output).dataset;
        expect(back.schema.labels.map((l) => [l.id, l.color, l.attributes?.map((a) => a.type), l.skeleton])).toEqual(d.schema.labels.map((l) => [l.id, l.color, l.attributes?.map((a) => a.type), l.skeleton]));
      }),
      { numRuns: 10 },
    );
  });
});

/** A CVAT task whose `pts` label (type points) holds free point sets, next to a box. */
const FREE_POINTS = `<?xml version="1.0" encoding="utf-8"?>
<annotations>
  <version>1.1</version>
  <meta>
    <task>
      <labels>
        <label>
          <name>pts</name>
          <color>#33ddff</color>
          <type>points</type>
          <attributes/>
        </label>
        <label>
          <name>car</name>
          <color>#fa3253</color>
          <type>any</type>
          <attributes/>
        </label>
      </labels>
    </task>
  </meta>
  <image id="0" name="a.jpg" width="20" height="10">
    <box label="car" occluded="0" source="manual" xtl="1" ytl="1" xbr="5" ybr="4" z_order="0"/>
    <points label="pts" occluded="1" source="manual" points="1,2;3.5,4" z_order="0">
      <attribute name="note">two</attribute>
    </points>
  </image>
</annotations>
`;

describe('cvat free points (points shapes, not skeletons)', () => {
  it('keeps them verbatim on the media with a warning and writes them back unchanged', () => {
    const { dataset, warnings } = cvat.parse(FREE_POINTS);
    expect(warnings).toEqual([{ path: 'line 24', message: expect.stringMatching(/free set of points.*kept in media\.extra\.cvat\.shapes/) }]);
    const [item] = dataset.items;
    expect(item!.annotations.map((a) => [a.kind, a.label])).toEqual([['bbox', 'car']]);
    const kept = (item!.media.extra!.cvat as { shapes: string[] }).shapes;
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^<points label="pts" occluded="1" source="manual" points="1,2;3\.5,4" z_order="0">/);
    // A label without a skeleton may hold anything but keypoints, and the data set validates.
    for (const id of ['pts', 'car']) expect(dataset.schema.byId.get(id)!.kinds).toEqual(ANNOTATION_KINDS.filter((k) => k !== 'keypoints'));
    expect(validateDataset(dataset)).toEqual([]);

    const { output, losses } = cvat.serialize(dataset);
    expect(losses).toEqual([]);
    expect(output).toContain('<type>points</type>');
    expect(output).toMatch(/<points label="pts" occluded="1" source="manual" points="1,2;3\.5,4" z_order="0">\s*<attribute name="note">two<\/attribute>\s*<\/points>/);
    const again = cvat.parse(output);
    expect(datasetDiff(again.dataset, dataset)).toBeUndefined();
    expect(again.dataset.extra).toEqual(dataset.extra);
    expect(again.warnings).toHaveLength(1);
  });

  it('declares the label of free points in a file without <meta>, so the export can name it', () => {
    const xml = '<annotations>\n<image name="b.jpg" width="4" height="4">\n<points label="marks" points="1,1;2,2"/>\n<box label="car" xtl="0" ytl="0" xbr="1" ybr="1"/>\n<points label="car" points="3,3"/>\n</image>\n</annotations>';
    const { dataset, warnings } = cvat.parse(xml);
    expect(warnings.map((w) => w.path)).toEqual(['line 3', 'line 5']);
    expect(dataset.schema.labels.map((l) => [l.id, l.kinds.includes('keypoints'), l.skeleton])).toEqual([['marks', false, undefined], ['car', false, undefined]]);
    const out = cvat.serialize(dataset).output;
    // Typed `any`, not `rectangle`: "car" holds a box and free points.
    for (const name of ['marks', 'car']) expect(out).toMatch(new RegExp(`<name>${name}</name>\\s*<color>#[0-9a-f]{6}</color>\\s*<type>any</type>`));
    expect(out).toContain('<points label="marks" points="1,1;2,2"/>');
    // The export numbers the image (id="0") and writes kept shapes last (ids come from positions).
    const back = cvat.parse(out).dataset;
    expect(datasetDiff(back, dataset, { ignoreIds: true, mediaFields: ['id', 'width', 'height'] })).toBeUndefined();
    expect((back.items[0]!.media.extra!.cvat as { shapes: string[] }).shapes).toEqual((dataset.items[0]!.media.extra!.cvat as { shapes: string[] }).shapes);
  });
});

/** `d` without COCO's own fields on its annotations, which CVAT cannot hold. */
function withoutExtras(d: Dataset): Dataset {
  return { ...d, items: d.items.map((it) => ({ ...it, annotations: it.annotations.map(({ extra: _extra, ...a }) => a as Annotation) })) };
}

describe('cvat skeleton labels that hold other shapes too', () => {
  it('writes COCO person polygons under a companion label, names the loss, and reads them back as person', () => {
    const source = coco.parse(fixture('coco/person_keypoints_coco2017_subset.json')).dataset;
    const person = source.schema.byId.get('person')!;
    expect(person.kinds).toEqual(['polygon', 'keypoints']);
    const polygons = source.items.flatMap((it) => it.annotations).filter((a) => a.kind === 'polygon').length;
    expect(polygons).toBeGreaterThan(0);

    const { output, losses } = cvat.serialize(source);
    const split = losses.filter((l) => l.path === 'schema.labels[person]');
    expect(split).toEqual([{ path: 'schema.labels[person]', message: expect.stringContaining(`polygon annotations of "person" (${polygons} here) are written under an extra label "person (shapes)" (type polygon)`) }]);
    // What CVAT reads: a skeleton label with its joints, and a polygon label for the polygons.
    expect(output).toMatch(/<name>person<\/name>\s*<color>[^<]*<\/color>\s*<type>skeleton<\/type>/);
    expect(output).toMatch(/<name>person \(shapes\)<\/name>\s*<color>[^<]*<\/color>\s*<type>polygon<\/type>/);
    expect(output.match(/<polygon label="person \(shapes\)"/g)).toHaveLength(polygons);
    expect(output).not.toMatch(/<polygon label="person"/);
    expect(output).not.toMatch(/<skeleton label="person \(shapes\)"/);

    const back = cvat.parse(output).dataset;
    expect(back.schema.labels.map((l) => l.id)).toEqual(['person']);
    expect(back.schema.byId.get('person')!.kinds).toEqual(['keypoints', 'polygon']);
    expect(back.schema.byId.get('person')!.skeleton).toEqual(person.skeleton);
    expect(validateDataset(back)).toEqual([]);
    const same = { ignoreIds: true, mediaFields: ['id', 'width', 'height'] };
    expect(datasetDiff(back, withoutExtras(source), same)).toBeUndefined();
    // And with the original schema given, the companion maps to person too.
    expect(datasetDiff(cvat.parse(output, { schema: source.schema }).dataset, withoutExtras(source), same)).toBeUndefined();
  });

  it('numbers the companion when a label of that name exists', () => {
    const d = coco.parse(fixture('coco/person_keypoints_coco2017_subset.json')).dataset;
    const schema = { ...d.schema, labels: [...d.schema.labels], byId: new Map(d.schema.byId) };
    const taken = { ...d.schema.byId.get('person')!, id: 'person (shapes)', name: 'person (shapes)', kinds: ['bbox' as const], skeleton: undefined };
    schema.labels.push(taken);
    schema.byId.set(taken.id, taken);
    const { output, losses } = cvat.serialize({ ...d, schema });
    expect(losses.find((l) => l.path === 'schema.labels[person]')!.message).toContain('"person (shapes 2)"');
    expect(output).toContain('<polygon label="person (shapes 2)"');
  });
});
