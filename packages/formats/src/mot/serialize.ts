import { interpolateTrack, trackAttributesAt, type Annotation, type TrackAnnotation } from '@labelkit/core';
import type { Dataset, FormatLoss, SerializeResult } from '../dataset.js';
import type { FileSet } from '../shared/files.js';
import { isRecord } from '../shared/issues.js';
import { commonLosses, kindLoss } from '../shared/losses.js';
import { fmt } from '../shared/numbers.js';
import { MOT_ATTRIBUTES } from './parse.js';
import { writeSeqInfo } from './seqinfo.js';

/** Options of `mot.serialize`. */
export interface MotSerializeOptions {
  /** `gt` (default): `gt/gt.txt` with the ignore flag in column 7; `results`: `det/det.txt` with the confidence there. */
  file?: 'gt' | 'results';
  /** Number of the first frame (default 1, as MOT Challenge). */
  frameBase?: 0 | 1;
  /** Pixel coordinate of the image's left/top edge (default 1, as MOT Challenge). */
  pixelBase?: 0 | 1;
}

const CARRIED: ReadonlySet<string> = new Set(Object.values(MOT_ATTRIBUTES));

/**
 * Writes each item as a MOT Challenge sequence (`gt/gt.txt`, `gt/labels.txt`, `seqinfo.ini`; under
 * `<media id>/` when there are several). MOT lists a box on every frame an object is present, so each
 * track is written frame by frame from its first keyframe (interpolated in between) to its end: the
 * frame before a final `outside` keyframe, else the sequence's last frame.
 */
export function serializeMot(dataset: Dataset, options: MotSerializeOptions = {}): SerializeResult<FileSet> {
  const losses: FormatLoss[] = [];
  const file = options.file ?? 'gt';
  const fb = options.frameBase ?? 1;
  const pb = options.pixelBase ?? 1;
  const names = dataset.schema.labels.map((l) => l.id);
  const output: FileSet = {};
  dataset.items.forEach((item, i) => {
    const m = item.media;
    const root = dataset.items.length === 1 ? '' : `${m.id.replace(/[\\/]/g, '_')}/`;
    const mx = (isRecord(m.extra?.mot) ? m.extra!.mot : {}) as { seqinfo?: [string, string][]; unnamed?: boolean };
    const used = new Set<number>();
    for (const a of item.annotations) if (a.kind === 'track' && /^\d+$/.test(a.id)) used.add(Number(a.id));
    let nextId = 1;
    const rows: { frame: number; id: number; text: string }[] = [];
    let lastFrame = -1;
    item.annotations.forEach((a, j) => {
      const path = `items[${i}].annotations[${j}]`;
      if (a.kind !== 'track') return kindLoss('MOT', a, path, losses);
      trackLosses(a, path, file, m.frameCount === undefined, losses);
      let id: number;
      if (isRecord(a.extra?.mot) && a.extra!.mot.id === -1) id = -1;
      else if (/^\d+$/.test(a.id)) id = Number(a.id);
      else {
        while (used.has(nextId)) nextId++;
        id = nextId;
        used.add(id);
        losses.push({ path: `${path}.id`, message: `MOT track ids are integers; "${a.id}" written as ${id}` });
      }
      const cls = names.indexOf(a.label) + 1;
      const kfs = a.keyframes;
      const last = kfs[kfs.length - 1]!;
      const end = last.outside ? last.frame - 1 : m.frameCount !== undefined ? m.frameCount - 1 : last.frame;
      const before = rows.length;
      for (let f = kfs[0]!.frame; f <= end; f++) {
        const b = interpolateTrack(kfs, f);
        if (!b) continue;
        const at = trackAttributesAt(a, f);
        const vis = typeof at[MOT_ATTRIBUTES.visibility] === 'number' ? (at[MOT_ATTRIBUTES.visibility] as number) : b.occluded ? 0 : 1;
        const conf = file === 'gt' ? (at[MOT_ATTRIBUTES.ignored] === true ? 0 : 1) : typeof at[MOT_ATTRIBUTES.confidence] === 'number' ? (at[MOT_ATTRIBUTES.confidence] as number) : (a.score ?? 1);
        rows.push({ frame: f, id, text: [f + fb, id, fmt(b.x + pb), fmt(b.y + pb), fmt(b.width), fmt(b.height), fmt(conf), cls, fmt(vis)].join(',') });
        lastFrame = Math.max(lastFrame, f);
      }
      if (rows.length === before) losses.push({ path, message: 'the track is present on no frame (every keyframe is outside); MOT has no row for it' });
    });
    rows.sort((p, q) => p.frame - q.frame || p.id - q.id);
    const dir = file === 'gt' ? 'gt/gt.txt' : 'det/det.txt';
    output[`${root}${dir}`] = rows.map((r) => `${r.text}\n`).join('');
    output[`${root}gt/labels.txt`] = `${names.join('\n')}\n`;
    if (m.frameCount === undefined) losses.push({ path: `items[${i}].media.frameCount`, message: `frame count unknown; seqLength written as ${lastFrame + 1} (the last frame with a box)` });
    if (m.width === undefined || m.height === undefined) losses.push({ path: `items[${i}].media`, message: 'image size unknown; imWidth/imHeight not written' });
    if (m.fps === undefined) losses.push({ path: `items[${i}].media.fps`, message: 'frame rate unknown; frameRate not written' });
    output[`${root}seqinfo.ini`] = writeSeqInfo({
      ...(mx.unnamed ? {} : { name: m.id }),
      fps: m.fps,
      frameCount: m.frameCount ?? lastFrame + 1,
      width: m.width,
      height: m.height,
      other: mx.seqinfo ?? [],
    });
    if (mx.unnamed) losses.push({ path: `items[${i}].media.id`, message: `the sequence had no name in seqinfo.ini; "${m.id}" not written` });
  });
  for (const l of dataset.schema.labels) if (l.name !== l.id) losses.push({ path: `schema.labels[${l.id}].name`, message: `MOT labels.txt holds label ids; display name "${l.name}" not exported` });
  return { output, losses };
}

/** What of a track MOT cannot carry: other attributes, rotation, occlusion without a visibility, ... */
function trackLosses(a: TrackAnnotation, path: string, file: 'gt' | 'results', lengthUnknown: boolean, losses: FormatLoss[]): void {
  commonLosses('MOT', a, path, { id: true, attributes: true, score: file === 'results', extra: true }, losses);
  const other = (values: Annotation['attributes'], where: string) => {
    const keys = Object.keys(values ?? {}).filter((k) => !CARRIED.has(k));
    if (keys.length) losses.push({ path: `${where}.attributes`, message: `MOT carries only ${[...CARRIED].join(', ')}; ${keys.join(', ')} not exported` });
  };
  other(a.attributes, path);
  for (const k of Object.keys(a.extra ?? {})) if (k !== 'mot') losses.push({ path: `${path}.extra.${k}`, message: `foreign fields of "${k}" not exported to MOT` });
  a.keyframes.forEach((k, n) => {
    const kp = `${path}.keyframes[${n}]`;
    other(k.attributes, kp);
    if (k.rotation) losses.push({ path: `${kp}.rotation`, message: 'MOT boxes are axis-aligned; rotation not exported (the unrotated box is written)' });
    if (k.occluded && !k.outside && typeof trackAttributesAt(a, k.frame)[MOT_ATTRIBUTES.visibility] !== 'number') losses.push({ path: `${kp}.occluded`, message: 'MOT has no occluded flag, only a visibility ratio: written as visibility 0' });
  });
  const last = a.keyframes[a.keyframes.length - 1]!;
  if (lengthUnknown && !last.outside) losses.push({ path, message: `the track lasts to the end of the video, whose length is unknown; written up to its last keyframe (frame ${last.frame})` });
}
