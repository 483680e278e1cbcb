import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FormatError } from '../dataset.js';
import { datasetDiff, imageDatasetArb, videoDatasetArb } from '../shared/arbitraries.js';
import { fixture } from '../shared/fixtures.js';
import { cvat } from './index.js';

describe('cvat golden', () => {
  it('reads a task with typed attributes, a skeleton (outside/occluded), points and unlabelled shapes', () => {
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
    expect(warnings.length).toBe(2);
    expect(img1!.annotations.find((a) => a.label === 'label2')).toMatchObject({ kind: 'keypoints', points: [{ x: 1, y: 2, visibility: 2 }, { x: 3, y: 4 }, { x: 5, y: 6 }] });
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
        expect(losses).toEqual([]);
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
