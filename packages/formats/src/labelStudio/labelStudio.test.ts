import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '@labelkit/core';
import { FormatError, type Dataset } from '../dataset.js';
import { audioDatasetArb, datasetDiff, imageDatasetArb, textDatasetArb } from '../shared/arbitraries.js';
import { fixture } from '../shared/fixtures.js';
import { boxCorners } from '../shared/geometry.js';
import { labelStudio } from './index.js';

const ls = (name: string) => fixture(`labelstudio/${name}`);

describe('labelStudio golden', () => {
  it('reads rectangles, polygons and keypoints with a config', () => {
    const { dataset } = labelStudio.parse(ls('image_rect_poly_keypoints.export.json'), { config: ls('image_rect_poly_keypoints.label_config.xml') });
    expect(dataset.schema.labels.map((l) => l.id)).toEqual(['rectangle_label', 'polygon_label', 'keypoint_label']);
    expect(dataset.schema.byId.get('keypoint_label')!.skeleton!.keypoints).toEqual(['keypoint_label1', 'keypoint_label2']);
    const [item] = dataset.items;
    expect(item!.media).toMatchObject({ id: '175210175', uri: 'test_image1.jpg', width: 500, height: 320 });
    const [rect, poly, kp1, kp2] = item!.annotations as (Annotation & Record<string, unknown>)[];
    expect(rect).toMatchObject({ id: 'G1wj68-AlF', kind: 'bbox', label: 'rectangle_label' });
    expect(rect!.x as number).toBeCloseTo(159.7096188747731, 9);
    expect(rect!.height as number).toBeCloseTo(31.773049645390074, 9);
    expect(poly).toMatchObject({ kind: 'polygon', label: 'polygon_label' });
    expect(kp1).toMatchObject({ kind: 'keypoints', label: 'keypoint_label', points: [{ visibility: 2 }, { x: 0, y: 0, visibility: 0 }] });
    expect(kp2).toMatchObject({ kind: 'keypoints', points: [{ visibility: 0 }, { visibility: 2 }] });
  });

  it('groups keypoints under their parent box and keeps relations with a warning', () => {
    const { dataset, warnings } = labelStudio.parse(ls('image_keypoints_bbox_relations.export.json'), { config: ls('image_keypoints_bbox_relations.label_config.xml') });
    const anns = dataset.items[0]!.annotations;
    const kp = anns.find((a) => a.kind === 'keypoints')!;
    expect(kp).toMatchObject({ id: 'hplPm0Szvc-kp', label: 'keypoints', extra: { labelStudio: { parentID: 'hplPm0Szvc' } } });
    expect((kp as { points: { visibility: number }[] }).points.map((p) => p.visibility)).toEqual([2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(anns.find((a) => a.kind === 'bbox')!.label).toBe('person');
    expect(warnings.some((w) => /relation/.test(w.message))).toBe(true);
    expect((dataset.items[0]!.media.extra!.labelStudio as { results: unknown[] }).results).toHaveLength(5);
  });

  it('converts rotation about the top-left corner exactly on a non-square image (597×768)', () => {
    const text = ls('image_rotated_rectangles.export.json');
    const src = JSON.parse(text)[0].annotations[0].result[0];
    const { dataset } = labelStudio.parse(text);
    const b = dataset.items[0]!.annotations[0]!;
    if (b.kind !== 'bbox') throw new Error('expected a box');
    expect(b.rotation).toBeCloseTo(328.3324036603284, 9);
    // The top-left corner of the rotated box is Label Studio's (x, y).
    const [tl] = boxCorners(b);
    expect(tl![0]).toBeCloseTo((src.value.x / 100) * 597, 9);
    expect(tl![1]).toBeCloseTo((src.value.y / 100) * 768, 9);
    expect(b.width).toBeCloseTo((src.value.width / 100) * 597, 9);
    expect(b.height).toBeCloseTo((src.value.height / 100) * 768, 9);
    // Export gives the original percent values back.
    const back = JSON.parse(labelStudio.serialize(dataset).output)[0].annotations[0].result[0];
    for (const k of ['x', 'y', 'width', 'height', 'rotation']) expect(back.value[k]).toBeCloseTo(src.value[k], 9);
  });

  it('rejects labels the config does not define (the real export says "Butterfly", the config "butterfly")', () => {
    let err: FormatError | undefined;
    try {
      labelStudio.parse(ls('image_rotated_rectangles.export.json'), { config: ls('image_rotated_rectangles.label_config.xml') });
    } catch (e) {
      err = e as FormatError;
    }
    expect(err).toBeInstanceOf(FormatError);
    expect(err!.issues[0]!.path).toBe('[0].annotations[0].result[0].value.rectanglelabels');
    expect(err!.issues[0]!.message).toMatch(/unknown label "Butterfly".*did you mean "butterfly"/);
  });

  it('reads polygons', () => {
    const { dataset } = labelStudio.parse(ls('image_polygons.export.json'), { config: ls('image_polygons.label_config.xml') });
    expect(dataset.items.flatMap((i) => i.annotations).every((a) => a.kind === 'polygon')).toBe(true);
  });

  it('reads NER spans in code points and checks their text', () => {
    const { dataset } = labelStudio.parse(ls('lsf_named_entity.task_with_annotations.json'), { config: ls('lsf_named_entity.label_config.xml') });
    expect(dataset.items[0]!.annotations[0]).toEqual({ id: 'beFiQTT1cU', kind: 'span', label: 'Date', start: 343, end: 354, text: 'February 22', extra: { labelStudio: { from_name: 'ner', source: '$text' } } });
    expect(dataset.schema.byId.get('Date')!.kinds).toEqual(['span']);
  });

  it('reads audio segments and choices; keeps Number results in extra', () => {
    const { dataset } = labelStudio.parse(ls('lsf_audio_regions.task_with_annotations.json'), { config: ls('lsf_audio_regions.label_config.xml') });
    const anns = dataset.items[0]!.annotations;
    expect(anns.map((a) => [a.kind, a.label])).toEqual([['tag', 'Lo-Fi'], ['segment', 'Beat'], ['segment', 'Other']]);
    expect(anns[1]).toMatchObject({ start: 12.778410892095105, end: 28.50568583621215 });
    expect(dataset.items[0]!.media.uri).toMatch(/barradeen-emotional\.mp3$/);
    expect(dataset.schema.byId.get('Beat')!.kinds).toEqual(['segment']);
  });

  it('rejects an empty or reversed audio segment (end <= start)', () => {
    const config = ls('lsf_audio_regions.label_config.xml');
    const region = (start: number, end: number) => ({ id: `r${start}${end}`, type: 'labels', from_name: 'label', to_name: 'audio', value: { start, end, labels: ['Beat'] } });
    const task = { id: 1, data: { url: 'a.mp3' }, annotations: [{ result: [region(1, 2), region(3, 3), region(5, 4)] }] };
    let error: FormatError | undefined;
    try {
      labelStudio.parse([task], { config });
    } catch (e) {
      error = e as FormatError;
    }
    expect(error!.issues.map((i) => i.message)).toEqual([expect.stringMatching(/equals its start: a segment is never empty/), expect.stringMatching(/before start/)]);
  });

  it('reads UTF-16 offsets of old exports with a warning', () => {
    const task = { id: 1, data: { text: '😀 Ann' }, annotations: [{ result: [{ id: 'r', type: 'labels', from_name: 'label', to_name: 'text', value: { start: 3, end: 6, text: 'Ann', labels: ['PER'] } }] }] };
    const { dataset, warnings } = labelStudio.parse([task]);
    expect(dataset.items[0]!.annotations[0]).toMatchObject({ start: 2, end: 5, text: 'Ann' });
    expect(warnings[0]!.message).toMatch(/UTF-16/);
  });
});

describe('labelStudio round trip', () => {
  const noOccluded = (d: Dataset): Dataset => ({
    ...d,
    items: d.items.map((it) => ({ ...it, annotations: it.annotations.map((a) => (a.kind === 'keypoints' ? { ...a, points: a.points.map((p) => (p.visibility === 1 ? { ...p, visibility: 2 as const } : p)) } : a)) })),
  });
  it('images: boxes (rotated), polygons, keypoints and scores', () => {
    fc.assert(
      fc.property(imageDatasetArb({ rotation: true, score: true, invisibleAtOrigin: true }).map(noOccluded).filter((d) => d.items.every((it) => it.annotations.every((a) => a.kind !== 'keypoints' || a.points.some((p) => p.visibility > 0)))), (d) => {
        const { output, losses } = labelStudio.serialize(d);
        expect(losses.filter((l) => !l.path.includes('.media'))).toEqual([]);
        const back = labelStudio.parse(output, { schema: d.schema }).dataset;
        expect(datasetDiff(back, d, { mediaFields: [] })).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
  it('text: spans in code points (emoji) and choices', () => {
    fc.assert(
      fc.property(textDatasetArb({ tags: true }), (d) => {
        const { output } = labelStudio.serialize(d);
        const back = labelStudio.parse(output, { schema: d.schema }).dataset;
        expect(datasetDiff(back, d, { mediaFields: ['text'] })).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
  it('audio: segments', () => {
    fc.assert(
      fc.property(audioDatasetArb(), (d) => {
        const { output } = labelStudio.serialize(d);
        const back = labelStudio.parse(output, { schema: d.schema }).dataset;
        expect(datasetDiff(back, d, { mediaFields: [] })).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });
});
