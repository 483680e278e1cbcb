import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpolateTrack, trackAttributesAt, type TrackAnnotation } from '@labelkit/core';
import type { Dataset } from '../dataset.js';
import { datasetDiff, videoDatasetArb } from '../shared/arbitraries.js';
import { fixture } from '../shared/fixtures.js';
import { validateDataset } from '../validate-dataset.js';
import { cvat } from './index.js';

const box = (frame: number, [x1, y1, x2, y2]: number[], o: { keyframe?: 0 | 1; outside?: 1; parked?: boolean; make?: string } = {}) =>
  `    <box frame="${frame}" outside="${o.outside ?? 0}" occluded="0" keyframe="${o.keyframe ?? 0}" xtl="${x1!.toFixed(2)}" ytl="${y1!.toFixed(2)}" xbr="${x2!.toFixed(2)}" ybr="${y2!.toFixed(2)}" z_order="0">\n` +
  (o.parked !== undefined ? `      <attribute name="parked">${o.parked}</attribute>\n` : '') +
  (o.make !== undefined ? `      <attribute name="make">${o.make}</attribute>\n` : '') +
  '    </box>';

/**
 * A file as CVAT's "CVAT for video 1.1" export writes it (every frame of a track, `keyframe="0"` for
 * interpolated boxes with two-decimal coordinates, all attributes repeated on each box, a shape
 * exported as a two-frame track, a per-frame tag).
 */
const EXPORT = `<?xml version="1.0" encoding="utf-8"?>
<annotations>
  <version>1.1</version>
  <meta>
    <task>
      <id>7</id>
      <name>clip</name>
      <size>8</size>
      <mode>interpolation</mode>
      <start_frame>0</start_frame>
      <stop_frame>7</stop_frame>
      <frame_filter></frame_filter>
      <labels>
        <label>
          <name>car</name>
          <type>rectangle</type>
          <attributes>
            <attribute><name>parked</name><mutable>True</mutable><input_type>checkbox</input_type><default_value>false</default_value><values>false\ntrue</values></attribute>
            <attribute><name>make</name><mutable>False</mutable><input_type>text</input_type><default_value></default_value><values></values></attribute>
          </attributes>
        </label>
      </labels>
      <original_size><width>100</width><height>50</height></original_size>
    </task>
    <source>clip.mp4</source>
  </meta>
  <track id="0" label="car" source="manual">
${box(0, [0, 0, 10, 10], { keyframe: 1, parked: false, make: 'vw' })}
${box(1, [10 / 3, 0, 10 / 3 + 10, 10], { parked: false, make: 'vw' })}
${box(2, [20 / 3, 0, 20 / 3 + 10, 10], { parked: false, make: 'vw' })}
${box(3, [10, 0, 20, 10], { keyframe: 1, parked: true, make: 'vw' })}
${box(4, [10, 0, 20, 10], { parked: true, make: 'vw' })}
${box(5, [10, 0, 20, 10], { keyframe: 1, outside: 1, parked: true, make: 'vw' })}
  </track>
  <track id="1" label="car" source="auto">
${box(2, [1, 1, 5, 5])}
${box(3, [1, 1, 5, 5])}
${box(4, [2, 1, 6, 5])}
${box(5, [2, 1, 6, 5])}
${box(6, [2, 1, 6, 5])}
${box(7, [2, 1, 6, 5], { outside: 1 })}
  </track>
  <track id="2" label="car" source="manual">
${box(4, [2, 2, 4, 4], { keyframe: 1 })}
${box(5, [2, 2, 4, 4], { keyframe: 1, outside: 1 })}
  </track>
  <tag frame="3" label="car" source="manual">
  </tag>
</annotations>
`;

describe('cvat for video: an export with interpolated frames', () => {
  it('folds keyframe="0" boxes back into keyframes, puts mutable attributes on keyframes and the rest on the track', () => {
    const { dataset, warnings } = cvat.parse(EXPORT);
    expect(validateDataset(dataset)).toEqual([]);
    const [item] = dataset.items;
    expect(item!.media).toMatchObject({ id: 'clip.mp4', width: 100, height: 50, frameCount: 8 });
    expect(item!.media.extra).toEqual({ cvat: { tags: [expect.stringMatching(/^<tag frame="3" label="car" source="manual">\s*<\/tag>$/)] } });
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/per-frame tag/)]);
    expect(dataset.extra).toMatchObject({ cvat: { mutable: { car: ['parked'] } } });
    expect(dataset.schema.byId.get('car')!.attributes!.map((a) => [a.id, a.type])).toEqual([['parked', 'boolean'], ['make', 'text']]);
    const [t0, t1, t2] = item!.annotations as TrackAnnotation[];
    expect(t0).toEqual({
      id: 't0', kind: 'track', label: 'car', attributes: { make: 'vw' },
      keyframes: [
        { frame: 0, x: 0, y: 0, width: 10, height: 10, attributes: { parked: false } },
        { frame: 3, x: 10, y: 0, width: 10, height: 10, attributes: { parked: true } },
        { frame: 5, x: 10, y: 0, width: 10, height: 10, outside: true },
      ],
    });
    // Starts on an interpolated box (kept), moves at 4 (kept, and so 3 too), ends where CVAT closed it.
    expect(t1).toMatchObject({ id: 't1', source: 'model' });
    expect(t1!.keyframes.map((k) => [k.frame, k.x, k.outside ?? false])).toEqual([[2, 1, false], [3, 1, false], [4, 2, false], [7, 2, true]]);
    // A shape of the task, exported as a two-frame track: present on frame 4 only.
    expect(t2!.keyframes.map((k) => [k.frame, k.outside ?? false])).toEqual([[4, false], [5, true]]);
  });

  it('writes keyframes with every attribute in effect, mutable ones declared so, and reads back the same', () => {
    const { dataset } = cvat.parse(EXPORT);
    const { output, losses } = cvat.serialize(dataset);
    expect(losses).toEqual([]);
    expect(output).toMatch(/<name>parked<\/name>\s*<mutable>True<\/mutable>/);
    expect(output).toMatch(/<name>make<\/name>\s*<mutable>False<\/mutable>/);
    expect(output).toMatch(/<box frame="3" outside="0" occluded="0" keyframe="1" xtl="10" ytl="0" xbr="20" ybr="10" z_order="0">\s*<attribute name="parked">true<\/attribute>\s*<attribute name="make">vw<\/attribute>\s*<\/box>/);
    expect(output).toMatch(/<tag frame="3" label="car" source="manual">/);
    const again = cvat.parse(output).dataset;
    expect(datasetDiff(again, dataset)).toBeUndefined();
  });
});

describe('cvat for video: start_frame and frame_filter', () => {
  it("keeps the video's own frame numbers and the task's frame range, and reports keyframes off CVAT's frame grid", () => {
    const { dataset } = cvat.parse(fixture('cvat/cvat_for_video_tracks_with_skeleton.xml'));
    const [item] = dataset.items;
    expect(item!.media.frameCount).toBeUndefined();
    expect(item!.media.extra!.cvat).toMatchObject({ frames: { size: 4, start_frame: 10, stop_frame: 19, frame_filter: 'step=3' } });
    // The points track of "klhg" carries the mutable attribute hgl; it is kept verbatim with the other non-box tracks.
    expect(dataset.extra).toMatchObject({ cvat: { mutable: { klhg: ['hgl'] } } });
    const out = cvat.serialize(dataset);
    expect(out.losses).toEqual([]);
    expect(out.output).toMatch(/<start_frame>10<\/start_frame>\s*<stop_frame>19<\/stop_frame>\s*<frame_filter>step=3<\/frame_filter>/);
    expect(out.output).toMatch(/<name>hgl<\/name>\s*<mutable>True<\/mutable>/);
    expect(out.output).toMatch(/<points frame="10" outside="0" occluded="0" keyframe="1" points="21.95,8.00;2.55,15.09;2.23,3.16" z_order="0">\s*<attribute name="hgl">hgkf<\/attribute>/);
    const track = item!.annotations[0] as TrackAnnotation;
    const moved: Dataset = { ...dataset, items: [{ ...item!, annotations: [{ ...track, keyframes: [{ ...track.keyframes[0]!, frame: 11 }, ...track.keyframes.slice(1)] }] }] };
    expect(cvat.serialize(moved).losses).toEqual([{ path: 'items[0].annotations[0].keyframes[0].frame', message: expect.stringMatching(/frame 11 is not a frame of the CVAT task \(start_frame 10, stop_frame 19, step 3\)/) }]);
  });
});

/** A track's keyframes as what they mean: frame, box, flags and the attributes in effect there. */
const meaning = (d: Dataset) =>
  (d.items[0]!.annotations as TrackAnnotation[]).map((t) => ({
    label: t.label,
    attributes: Object.fromEntries(Object.entries(t.attributes ?? {})),
    keyframes: t.keyframes.map(({ attributes: _a, ...k }) => ({ ...k, attributes: trackAttributesAt({ keyframes: t.keyframes }, k.frame) })),
  }));

describe('cvat for video round trip', () => {
  it('tracks with track attributes and attributes that change over time mean the same after parse(serialize(d))', () => {
    fc.assert(
      fc.property(videoDatasetArb({ attributes: true }), (d) => {
        const { output, losses } = cvat.serialize(d);
        expect(losses).toEqual([]);
        const back = cvat.parse(output, { schema: d.schema }).dataset;
        expect(validateDataset(back)).toEqual([]);
        expect(datasetDiff({ ...back, items: [{ ...back.items[0]!, annotations: [] }] }, { ...d, items: [{ ...d.items[0]!, annotations: [] }] })).toBeUndefined();
        const [a, e] = [meaning(back), meaning(d)];
        expect(a.length).toBe(e.length);
        e.forEach((t, i) => expect(datasetDiff({ schema: d.schema, items: [{ media: { id: '' }, annotations: [a[i] as never] }] }, { schema: d.schema, items: [{ media: { id: '' }, annotations: [t as never] }] })).toBeUndefined());
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it("folds back an export written frame by frame as CVAT does (keyframe=\"0\" boxes rounded to two decimals)", () => {
    fc.assert(
      fc.property(videoDatasetArb({ attributes: true, rotation: false, integer: true }), (d) => {
        const written = cvat.serialize(d).output;
        // Rewrite each track as CVAT's export does: a box on every frame from its first keyframe to its end.
        let t = 0;
        const everyFrame = written.replace(/<track id="(\d+)"([^>]*)>[\s\S]*?<\/track>/g, (_m, id: string, rest: string) => {
          const track = d.items[0]!.annotations[t++] as TrackAnnotation;
          const kfs = track.keyframes;
          const last = kfs[kfs.length - 1]!;
          const boxes: string[] = [];
          for (let f = kfs[0]!.frame; f <= (last.outside ? last.frame : 299); f++) {
            const k = kfs.find((q) => q.frame === f);
            const b = interpolateTrack(kfs, f);
            if (!k && !b) continue;
            const v = k ?? b!;
            const values = { ...track.attributes, ...trackAttributesAt(track, f) };
            const attrs = Object.entries(values).map(([n, x]) => `<attribute name="${n}">${String(x)}</attribute>`).join('');
            boxes.push(`<box frame="${f}" outside="${k?.outside ? 1 : 0}" occluded="${v.occluded ? 1 : 0}" keyframe="${k ? 1 : 0}" xtl="${v.x.toFixed(2)}" ytl="${v.y.toFixed(2)}" xbr="${(v.x + v.width).toFixed(2)}" ybr="${(v.y + v.height).toFixed(2)}" z_order="0">${attrs}</box>`);
          }
          return `<track id="${id}"${rest}>${boxes.join('')}</track>`;
        });
        expect(t).toBe(d.items[0]!.annotations.length); // every track was rewritten
        const back = cvat.parse(everyFrame, { schema: d.schema }).dataset;
        const [a, e] = [meaning(back), meaning(d)];
        expect(a.length).toBe(e.length);
        e.forEach((tr, i) => expect(datasetDiff({ schema: d.schema, items: [{ media: { id: '' }, annotations: [a[i] as never] }] }, { schema: d.schema, items: [{ media: { id: '' }, annotations: [tr as never] }] })).toBeUndefined());
      }),
      { numRuns: 40 },
    );
  }, 30_000);
});
