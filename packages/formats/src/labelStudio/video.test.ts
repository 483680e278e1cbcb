import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpolateTrack, type TrackAnnotation } from '@labelkit/core';
import type { Dataset } from '../dataset.js';
import { videoDatasetArb } from '../shared/arbitraries.js';
import { fixture } from '../shared/fixtures.js';
import { validateDataset } from '../validate-dataset.js';
import { labelStudio } from './index.js';

const ls = (name: string) => fixture(`labelstudio/${name}`);
type Entry = { frame: number; enabled: boolean; x: number; y: number; width: number; height: number; rotation: number; time?: number };
const sequences = (json: string) => (JSON.parse(json) as { annotations: { result: { value: { sequence: Entry[]; labels: string[] } }[] }[] }[] | { annotations: { result: { value: { sequence: Entry[]; labels: string[] } }[] }[] });
const resultsOf = (json: string) => {
  const doc = sequences(json);
  return (Array.isArray(doc) ? doc[0]! : doc).annotations[0]!.result;
};
/** A Label Studio box with a negative size, drawn from its other corner. */
const normalised = (e: Entry) => ({ frame: e.frame, enabled: e.enabled, x: e.width < 0 ? e.x + e.width : e.x, y: e.height < 0 ? e.y + e.height : e.y, width: Math.abs(e.width), height: Math.abs(e.height) });

describe('labelStudio videorectangle', () => {
  const W = 640;
  const H = 360;
  it("reads the frontend's video example into tracks: 1-based frames, percent boxes, enabled: false ends the object one frame later", () => {
    const { dataset, warnings } = labelStudio.parse(ls('lsf_video_bboxes.task_with_annotations.json'), { config: ls('lsf_video_bboxes.label_config.xml'), width: W, height: H });
    expect(warnings.map((w) => w.path)).toEqual(['(task).data']);
    expect(validateDataset(dataset)).toEqual([]);
    expect(dataset.schema.labels.map((l) => [l.id, l.kinds])).toEqual([['Car', ['track']], ['Airplane', ['track']], ['Possum', ['track']]]);
    const [item] = dataset.items;
    expect(item!.media).toMatchObject({ width: W, height: H, frameCount: 1009, fps: 24 });
    const [car, plane, possum] = item!.annotations as TrackAnnotation[];
    expect(car).toMatchObject({ id: 'tJhYZLMC9G', kind: 'track', label: 'Car' });
    // frame 1 (enabled) → 0; frame 5 (enabled: false) → 4, shown there, outside from 5.
    expect(car!.keyframes.map((k) => [k.frame, k.outside ?? false])).toEqual([[0, false], [4, false], [5, true]]);
    expect(car!.keyframes[0]!.x).toBeCloseTo((38.266666666666666 / 100) * W, 9);
    expect(car!.keyframes[0]!.height).toBeCloseTo((22.202486678507995 / 100) * H, 9);
    expect(interpolateTrack(car!.keyframes, 2)!.x).toBeCloseTo(((38.266666666666666 + 40.266666666666666) / 200) * W, 9);
    expect(interpolateTrack(car!.keyframes, 5)).toBeNull();
    // Negative heights: the box spans upwards from (x, y).
    expect(plane!.keyframes.map((k) => [k.frame, k.outside ?? false])).toEqual([[32, false], [56, false], [57, true], [75, false], [103, false]]);
    expect(plane!.keyframes[0]!.y).toBeCloseTo(((92.08333333333333 - 15.972222222222221) / 100) * H, 9);
    expect(plane!.keyframes[0]!.height).toBeCloseTo((15.972222222222221 / 100) * H, 9);
    expect(possum!.keyframes.length).toBeGreaterThanOrEqual(44);
  });

  it('writes the same sequences back (frames, enabled flags and boxes, negative sizes normalised)', () => {
    const file = ls('lsf_video_bboxes.task_with_annotations.json');
    const { dataset } = labelStudio.parse(file, { config: ls('lsf_video_bboxes.label_config.xml'), width: W, height: H });
    const { output, losses } = labelStudio.serialize(dataset);
    // The possum's box turns between keyframes (-31.9° … -4.6°): the frames in between are drawn differently.
    expect(losses).toEqual([{ path: 'items[0].annotations[2].keyframes', message: expect.stringMatching(/rotation changes between keyframes/) }]);
    const written = resultsOf(output);
    const original = resultsOf(file);
    expect(written.map((r) => r.value.labels)).toEqual(original.map((r) => r.value.labels));
    written.forEach((r, i) => {
      const want = original[i]!.value.sequence.map(normalised);
      const got = r.value.sequence.map(normalised);
      expect(got.map((e) => [e.frame, e.enabled])).toEqual(want.map((e) => [e.frame, e.enabled]));
      got.forEach((e, k) => (['x', 'y', 'width', 'height'] as const).forEach((f) => expect(e[f]).toBeCloseTo(want[k]![f], 9)));
      // time = frame / fps, as Label Studio writes it.
      r.value.sequence.forEach((e, k) => expect(e.time).toBeCloseTo(original[i]!.value.sequence[k]!.time!, 9));
    });
    expect(labelStudio.parse(output).dataset.items[0]!.media).toMatchObject({ width: W, height: H, frameCount: 1009 });
  });

  it('an outside keyframe after interpolated frames becomes enabled: false on the frame before it; one where the object is gone already says nothing', () => {
    const d: Dataset = {
      schema: labelStudio.parse(ls('lsf_video_bboxes.task_with_annotations.json'), { config: ls('lsf_video_bboxes.label_config.xml'), width: W, height: H }).dataset.schema,
      items: [{ media: { id: '1', width: 100, height: 100, frameCount: 50 }, annotations: [{ id: 'a', kind: 'track', label: 'Car', keyframes: [
        { frame: 0, x: 0, y: 0, width: 10, height: 10 },
        { frame: 10, x: 20, y: 0, width: 10, height: 10, outside: true },
        { frame: 12, x: 0, y: 0, width: 10, height: 10, outside: true },
        { frame: 20, x: 50, y: 50, width: 10, height: 10, occluded: true },
      ] }] }],
    };
    const { output, losses } = labelStudio.serialize(d);
    expect(losses).toEqual([{ path: 'items[0].annotations[0].keyframes[3].occluded', message: expect.stringMatching(/no occluded flag/) }]);
    const seq = resultsOf(output)[0]!.value.sequence;
    expect(seq.map((e) => [e.frame, e.enabled, e.x])).toEqual([[1, true, 0], [10, false, 18], [21, true, 50]]);
    expect(seq.every((e) => e.time === undefined)).toBe(true); // no fps, no times
  });
});

describe('labelStudio videorectangle round trip', () => {
  it('draws the same box on every frame after parse(serialize(d))', () => {
    fc.assert(
      fc.property(videoDatasetArb({ rotation: false, occluded: false }), (d) => {
        const { output, losses } = labelStudio.serialize(d);
        expect(losses.filter((l) => !/task ids are numbers|only carried by image results; this item has none|present on no frame/.test(l.message))).toEqual([]);
        const back = labelStudio.parse(output, { schema: d.schema }).dataset;
        expect(validateDataset(back)).toEqual([]);
        const tracks = back.items[0]!.annotations as TrackAnnotation[];
        const present = (d.items[0]!.annotations as TrackAnnotation[]).filter((t) => t.keyframes.some((k) => !k.outside));
        // The frame size and count travel on the video results.
        if (present.length) expect(back.items[0]!.media).toMatchObject({ width: d.items[0]!.media.width, height: d.items[0]!.media.height, frameCount: 300 });
        expect(tracks.map((t) => t.id)).toEqual(present.map((t) => t.id));
        present.forEach((t, i) => {
          for (let f = 0; f < 300; f++) {
            const [a, e] = [interpolateTrack(tracks[i]!.keyframes, f), interpolateTrack(t.keyframes, f)];
            expect(a === null).toBe(e === null);
            if (a && e) for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(a[k] - e[k])).toBeLessThan(1e-6);
          }
        });
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});
