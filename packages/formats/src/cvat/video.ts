/**
 * CVAT for video 1.1: one video per file, `<track>`s of shapes on absolute frame numbers. Box tracks
 * become labelkit `track`s; tracks of other shapes (points, polylines, polygons, ellipses, cuboids,
 * masks, skeletons with their nested joint tracks) and per-frame `<tag>`s are kept verbatim.
 */
import { interpolateTrack, trackAttributesAt, type Annotation, type AttributeValue, type LabelSchema, type TrackAnnotation, type TrackKeyframe } from '@labelkit/core';
import type { DatasetItem, FormatLoss } from '../dataset.js';
import { IdPool } from '../shared/ids.js';
import { isRecord, type IssueList } from '../shared/issues.js';
import { attributeToText, type LabelSet } from '../shared/labels.js';
import { commonLosses, kindLoss } from '../shared/losses.js';
import { fmt, parseNumberToken } from '../shared/numbers.js';
import { childElement, childElements, el, parseXml, serializeXml, type XmlElement, type XmlNode } from '../shared/xml.js';

type Values = Record<string, AttributeValue>;
/** Reads the `<attribute>` children of a shape: those the label holds, and the rest (kept in `extra`). */
export type ReadAttributes = (e: XmlElement, label: string) => { attributes?: Values; rest?: Values };

/** CVAT writes coordinates with two decimals: an interpolated shape matches labelkit's interpolation within this. */
const ROUNDING = 0.006;

/** What `<meta><task>` says about the video's frames, kept for the round trip. */
interface FrameRange {
  size?: number;
  start_frame?: number;
  stop_frame?: number;
  frame_filter?: string;
}

/** One `<box>` of a track, read. */
interface Box {
  el: XmlElement;
  kf: TrackKeyframe;
  flagged: boolean;
  values: Values;
  rest?: Values;
  zOrder: string | undefined;
}

const text = (e: XmlElement | undefined, n: string) => (e ? childElements(e, n)[0]?.children.filter((c) => typeof c === 'string').join('').trim() : undefined);

/** The frame step of a CVAT `frame_filter` (`step=3`), 1 when there is none. */
export function frameStep(filter: string | undefined): number {
  const m = /(?:^|,)\s*step\s*=\s*(\d+)/.exec(filter ?? '');
  return m ? Math.max(1, Number(m[1])) : 1;
}

/**
 * Reads the video of a CVAT for video file. Frames stay the video's own (absolute) frame numbers, so
 * with `start_frame`/`frame_filter` steps the keyframes sit on `start + k·step`. A box track's keyframes
 * are its `keyframe="1"` boxes plus every `keyframe="0"` box that labelkit's interpolation of them does
 * not reproduce (the track's first box, a tail CVAT closed with `outside`, rounding aside); attributes
 * declared mutable (or changing along the track) go on the keyframes, where they change.
 */
export function readVideo(root: XmlElement, labels: LabelSet, issues: IssueList, labelOf: (name: string) => string, attrsOf: ReadAttributes, mutable: Map<string, Set<string>>): DatasetItem {
  const meta = childElement(root, 'meta');
  const task = meta ? (childElement(meta, 'task') ?? childElement(meta, 'job')) : undefined;
  const size = task ? childElement(task, 'original_size') : undefined;
  const source = (meta && text(meta, 'source')) || (task && text(task, 'name')) || 'video';
  const width = parseNumberToken(text(size, 'width') ?? '');
  const height = parseNumberToken(text(size, 'height') ?? '');
  const range: FrameRange = {};
  for (const k of ['size', 'start_frame', 'stop_frame'] as const) {
    const v = parseNumberToken(text(task, k) ?? '');
    if (v !== undefined) range[k] = v;
  }
  const filter = text(task, 'frame_filter');
  if (filter) range.frame_filter = filter;
  const annotations: Annotation[] = [];
  const kept: string[] = [];
  const ids = new IdPool();
  let maxFrame = -1;
  for (const t of childElements(root, 'track')) {
    const where = `line ${t.line}`;
    const shapes = childElements(t).filter((c) => c.name !== 'attribute' && c.name !== 'track');
    const rawLabel = t.attributes.label;
    if (!rawLabel || !shapes.length || shapes.some((c) => c.name !== 'box')) {
      kept.push(serializeXml(t, { declaration: false }).trim());
      issues.warn(where, `${rawLabel ? `a track of ${shapes[0]?.name ?? 'nothing'}` : 'a track without a label'} is not a box track; kept in media.extra.cvat.tracks`);
      continue;
    }
    const label = labels.use(labelOf(rawLabel), 'track', `${where} label`);
    if (!label) continue;
    const boxes = readBoxes(shapes, label, issues, attrsOf);
    if (!boxes) continue;
    for (const b of boxes) maxFrame = Math.max(maxFrame, b.kf.frame);
    const declared = mutable.get(rawLabel) ?? mutable.get(label) ?? new Set<string>();
    const changing = new Set<string>([...declared]);
    for (const b of boxes) for (const [k, v] of Object.entries(b.values)) if (boxes.some((o) => !sameValue(o.values[k], v))) changing.add(k);
    const keyframes = foldKeyframes(boxes, changing);
    const a: TrackAnnotation = { id: ids.take(`t${t.attributes.id ?? annotations.length}`), kind: 'track', label, keyframes };
    const fixed = Object.fromEntries(Object.entries(boxes[0]!.values).filter(([k]) => !changing.has(k)));
    if (Object.keys(fixed).length) a.attributes = fixed;
    if (t.attributes.source === 'auto') a.source = 'model';
    const extra: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(t.attributes)) if (!['id', 'label'].includes(k) && !(k === 'source' && (v === 'auto' || v === 'manual'))) extra[k] = v;
    if (boxes[0]!.rest) extra.attributes = boxes[0]!.rest;
    const z = new Set(boxes.map((b) => b.zOrder ?? '0'));
    if (z.size > 1) issues.warn(where, `z_order changes along the track (${[...z].join(', ')}); kept as ${boxes[0]!.zOrder ?? '0'}`);
    if ((boxes[0]!.zOrder ?? '0') !== '0') extra.z_order = boxes[0]!.zOrder;
    if (Object.keys(extra).length) a.extra = { cvat: extra };
    annotations.push(a);
  }
  const tags = childElements(root, 'tag').map((g) => {
    issues.warn(`line ${g.line}`, 'a per-frame tag (labelkit tags are on the whole video); kept in media.extra.cvat.tags');
    return serializeXml(g, { declaration: false }).trim();
  });
  const extra: Record<string, unknown> = {};
  if (kept.length) extra.tracks = kept;
  if (tags.length) extra.tags = tags;
  const media: DatasetItem['media'] = { id: source };
  if (width !== undefined && height !== undefined) Object.assign(media, { width, height });
  const step = frameStep(range.frame_filter);
  const whole = (range.start_frame ?? 0) === 0 && step === 1;
  if (range.size !== undefined && whole && range.size > maxFrame) media.frameCount = range.size;
  else if (range.size !== undefined) issues.warn('<meta><task><size>', `task size ${range.size} ${whole ? `is not above the last frame ${maxFrame}` : `counts the task's frames (start_frame ${range.start_frame ?? 0}, step ${step}), not the video's`}; not used as the frame count`);
  // The range is worth keeping unless it only restates the frame count.
  const restated = whole && media.frameCount !== undefined && (range.stop_frame === undefined || range.stop_frame === media.frameCount - 1) && !range.frame_filter;
  if (Object.keys(range).length && !restated) extra.frames = range;
  if (Object.keys(extra).length) media.extra = { cvat: extra };
  return { media, annotations };
}

function sameValue(a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;
}

function readBoxes(shapes: XmlElement[], label: string, issues: IssueList, attrsOf: ReadAttributes): Box[] | undefined {
  const before = issues.issues.length;
  const boxes: Box[] = [];
  for (const b of shapes) {
    const where = `line ${b.line}`;
    const n = (k: string) => {
      const v = b.attributes[k];
      const x = v === undefined ? undefined : parseNumberToken(v);
      if (x === undefined) issues.add(where, `<box> attribute ${k} must be a number, got ${v === undefined ? 'nothing' : `"${v}"`}`);
      return x ?? NaN;
    };
    const [frame, xtl, ytl, xbr, ybr] = ['frame', 'xtl', 'ytl', 'xbr', 'ybr'].map(n) as [number, number, number, number, number];
    const rot = b.attributes.rotation !== undefined ? n('rotation') : 0;
    if (Number.isNaN(frame) || [xtl, ytl, xbr, ybr, rot].some(Number.isNaN)) continue;
    if (!Number.isInteger(frame) || frame < 0) {
      issues.add(where, `frame must be a non-negative integer, got ${b.attributes.frame}`);
      continue;
    }
    if (!(xbr > xtl && ybr > ytl)) {
      issues.add(where, 'box must have xbr > xtl and ybr > ytl');
      continue;
    }
    const kf: TrackKeyframe = { frame, x: xtl, y: ytl, width: xbr - xtl, height: ybr - ytl };
    if (rot) kf.rotation = rot;
    if (b.attributes.outside === '1') kf.outside = true;
    if (b.attributes.occluded === '1') kf.occluded = true;
    const split = attrsOf(b, label);
    boxes.push({ el: b, kf, flagged: b.attributes.keyframe !== '0', values: split.attributes ?? {}, ...(split.rest ? { rest: split.rest } : {}), zOrder: b.attributes.z_order });
  }
  boxes.sort((p, q) => p.kf.frame - q.kf.frame);
  for (let k = 1; k < boxes.length; k++) if (boxes[k]!.kf.frame === boxes[k - 1]!.kf.frame) issues.add(`line ${boxes[k]!.el.line}`, `a second box of the track on frame ${boxes[k]!.kf.frame} (also line ${boxes[k - 1]!.el.line})`);
  return issues.issues.length > before ? undefined : boxes;
}

/**
 * The keyframes of a track's boxes: the flagged ones and the first, then, one at a time, the first
 * `keyframe="0"` box that the interpolation of the keyframes so far does not reproduce, until all the
 * rest are reproduced. Changing attributes are set on a keyframe only where they change.
 */
function foldKeyframes(boxes: Box[], changing: Set<string>): TrackKeyframe[] {
  const withValues = (b: Box): TrackKeyframe => {
    const values = Object.fromEntries(Object.entries(b.values).filter(([k]) => changing.has(k)));
    return Object.keys(values).length ? { ...b.kf, attributes: values } : b.kf;
  };
  const keep = boxes.map((b, i) => b.flagged || i === 0);
  // Promote the first box not reproduced, then look again from the keyframe before it: the boxes
  // between that keyframe and the new one now interpolate towards it; those before are unaffected.
  for (let from = 0; ; ) {
    const track = { keyframes: boxes.filter((_, i) => keep[i]).map(withValues) };
    let found = -1;
    for (let i = from; i < boxes.length && found < 0; i++) if (!keep[i] && !reproduced(track, boxes[i]!, changing)) found = i;
    if (found < 0) break;
    keep[found] = true;
    from = keep.lastIndexOf(true, found - 1);
  }
  const out: TrackKeyframe[] = [];
  let inEffect: Values = {};
  boxes.forEach((b, i) => {
    if (!keep[i]) return;
    const values = Object.fromEntries(Object.entries(b.values).filter(([k, v]) => changing.has(k) && !sameValue(inEffect[k], v)));
    inEffect = { ...inEffect, ...values };
    out.push(Object.keys(values).length ? { ...b.kf, attributes: values } : b.kf);
  });
  return out;
}

function reproduced(track: { keyframes: TrackKeyframe[] }, b: Box, changing: Set<string>): boolean {
  const at = interpolateTrack(track.keyframes, b.kf.frame);
  if (b.kf.outside) return at === null;
  if (!at) return false;
  const dr = Math.abs(((((at.rotation - (b.kf.rotation ?? 0)) % 360) + 540) % 360) - 180);
  // Compare the corners CVAT writes (each rounded on its own, so the size may be off by twice as much).
  const corners = [at.x - b.kf.x, at.y - b.kf.y, at.x + at.width - (b.kf.x + b.kf.width), at.y + at.height - (b.kf.y + b.kf.height)];
  if (corners.some((d) => Math.abs(d) > ROUNDING) || dr > ROUNDING) return false;
  if (at.occluded !== (b.kf.occluded === true)) return false;
  const values = trackAttributesAt(track, b.kf.frame);
  return [...changing].every((k) => sameValue(values[k], b.values[k]));
}

/** Attributes that change along some track of each label (written `<mutable>True</mutable>`). */
export function mutableAttributes(items: readonly DatasetItem[], known: Record<string, string[]> | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>(Object.entries(known ?? {}).map(([l, ids]) => [l, new Set(ids)]));
  for (const it of items) for (const a of it.annotations) if (a.kind === 'track') for (const k of a.keyframes) for (const id of Object.keys(k.attributes ?? {})) {
    if (!out.has(a.label)) out.set(a.label, new Set());
    out.get(a.label)!.add(id);
  }
  return out;
}

/**
 * Writes the one video item as CVAT for video: each track's keyframes as `keyframe="1"` boxes with every
 * attribute in effect there (CVAT repeats them on each shape), `<meta><task>` with the frame range.
 */
export function writeVideo(item: DatasetItem, schema: LabelSchema, labelEls: XmlElement[], losses: FormatLoss[], cvatLabel: (a: Annotation) => string): XmlElement {
  const m = item.media;
  const mx = (isRecord(m.extra?.cvat) ? m.extra!.cvat : {}) as { frames?: FrameRange; tracks?: unknown; tags?: unknown };
  const range: FrameRange = { ...(isRecord(mx.frames) ? mx.frames : {}) };
  const start = range.start_frame ?? 0;
  const step = frameStep(range.frame_filter);
  const stop = range.stop_frame ?? (m.frameCount !== undefined ? m.frameCount - 1 : undefined);
  const task: XmlNode[] = [];
  const size = range.size ?? m.frameCount;
  if (size !== undefined) task.push(el('size', {}, [String(size)]));
  task.push(el('mode', {}, ['interpolation']), el('start_frame', {}, [String(start)]));
  if (stop !== undefined) task.push(el('stop_frame', {}, [String(stop)]));
  task.push(el('frame_filter', {}, range.frame_filter ? [range.frame_filter] : []), el('labels', {}, labelEls));
  if (m.width !== undefined && m.height !== undefined) task.push(el('original_size', {}, [el('width', {}, [fmt(m.width)]), el('height', {}, [fmt(m.height)])]));
  const out: XmlNode[] = [el('version', {}, ['1.1']), el('meta', {}, [el('task', {}, task), el('source', {}, [m.id])])];
  let n = 0;
  item.annotations.forEach((a, j) => {
    const path = `items[0].annotations[${j}]`;
    if (a.kind !== 'track') return kindLoss('CVAT for video (one file per video)', a, path, losses);
    commonLosses('CVAT', a, path, { attributes: true, extra: true, source: a.source !== 'human' }, losses);
    if (a.source === 'human') losses.push({ path: `${path}.source`, message: 'CVAT writes "manual" for human tracks; read back without a source' });
    for (const k of Object.keys(a.extra ?? {})) if (k !== 'cvat') losses.push({ path: `${path}.extra.${k}`, message: `foreign fields of "${k}" not exported to CVAT` });
    const ex = (isRecord(a.extra?.cvat) ? a.extra!.cvat : {}) as Record<string, unknown>;
    const order = (schema.byId.get(a.label)?.attributes ?? []).map((d) => d.id);
    const foreign = isRecord(ex.attributes) ? (ex.attributes as Values) : {};
    const boxes = a.keyframes.map((k, q) => {
      if (k.frame < start || (stop !== undefined && k.frame > stop) || (k.frame - start) % step !== 0) {
        losses.push({ path: `${path}.keyframes[${q}].frame`, message: `frame ${k.frame} is not a frame of the CVAT task (start_frame ${start}${stop !== undefined ? `, stop_frame ${stop}` : ''}, step ${step}); CVAT cannot place it` });
      }
      const values = { ...foreign, ...trackAttributesAt(a, k.frame) };
      const keys = [...order.filter((id) => id in values), ...Object.keys(values).filter((id) => !order.includes(id))];
      const attrs = keys.map((id) => el('attribute', { name: id }, [attributeToText(values[id]!)]));
      return el('box', { frame: k.frame, outside: k.outside ? 1 : 0, occluded: k.occluded ? 1 : 0, keyframe: 1, xtl: fmt(k.x), ytl: fmt(k.y), xbr: fmt(k.x + k.width), ybr: fmt(k.y + k.height), ...(k.rotation ? { rotation: fmt(k.rotation) } : {}), z_order: typeof ex.z_order === 'string' ? ex.z_order : 0 }, attrs);
    });
    const trackAttrs: Record<string, string | number> = { id: n++, label: cvatLabel(a) };
    const source = typeof ex.source === 'string' ? ex.source : a.source === 'model' ? 'auto' : undefined;
    if (source) trackAttrs.source = source;
    for (const [k, v] of Object.entries(ex)) if (!['attributes', 'source', 'z_order'].includes(k) && (typeof v === 'string' || typeof v === 'number')) trackAttrs[k] = v;
    out.push(el('track', trackAttrs, boxes));
  });
  for (const [key, list] of [['tracks', mx.tracks], ['tags', mx.tags]] as const) {
    for (const raw of Array.isArray(list) ? (list as string[]) : []) {
      try {
        out.push(parseXml(raw));
      } catch {
        losses.push({ path: `items[0].media.extra.cvat.${key}`, message: `a kept ${key === 'tracks' ? 'track' : 'tag'} is not valid XML; not exported` });
      }
    }
  }
  return el('annotations', {}, out);
}
