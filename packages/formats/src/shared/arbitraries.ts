/**
 * fast-check arbitraries shared by the formats' round-trip property tests (test-only; not exported
 * from the package barrel).
 *
 * - `imageSchema`: labels `car` (bbox, polygon; attributes `occluded` boolean, `make` text),
 *   `person` (bbox, keypoints with a 3-joint skeleton) and `tree` (polygon).
 * - `imageDatasetArb(options)`: datasets of images (`img_<n>.jpg`, integer width/height) with bbox,
 *   polygon and keypoints annotations; options restrict what a format can carry (no rotation,
 *   integer pixels, geometry inside the image, attributes, scores, numeric ids, ...).
 * - `textSchema`, `textArb`, `textDatasetArb()`: texts with astral code points (emoji) and spans in
 *   code points (`text` = the slice), plus whole-item tags.
 * - `audioSchema`, `audioDatasetArb()`: audio items with a duration and segments in seconds.
 * - `videoSchema`, `videoDatasetArb(options)`: one video with box tracks (keyframes, outside/occluded,
 *   rotation; optionally track and keyframe attributes, integer pixels).
 * - `datasetDiff(actual, expected, { eps, ignoreIds })`: the first difference between two datasets'
 *   items (numbers compared within `eps`, angles modulo 360), or undefined when they agree.
 */
import fc from 'fast-check';
import { defineSchema, type Annotation, type Point2 } from '@labelkit/core';
import type { Dataset, DatasetItem } from '../dataset.js';
import { ringArea } from './geometry.js';

export const imageSchema = defineSchema({
  labels: [
    { id: 'car', kinds: ['bbox', 'polygon'], attributes: [{ id: 'occluded', type: 'boolean' }, { id: 'make', type: 'text' }] },
    { id: 'person', kinds: ['bbox', 'keypoints'], skeleton: { keypoints: ['nose', 'left_eye', 'right_eye'], edges: [['nose', 'left_eye'], ['nose', 'right_eye']] } },
    { id: 'tree', kinds: ['polygon'] },
  ],
});

export interface ImageArbOptions {
  kinds?: ('bbox' | 'polygon' | 'keypoints')[];
  /** Boxes may be rotated. */
  rotation?: boolean;
  /** Integer pixel coordinates and sizes. */
  integer?: boolean;
  /** All geometry inside the image. */
  inside?: boolean;
  /** `car` annotations get attribute values. */
  attributes?: boolean;
  /** Annotations may have a score. */
  score?: boolean;
  /** Keypoints with visibility 0 sit at (0, 0). */
  invisibleAtOrigin?: boolean;
  /** Ids are decimal integers (`"17"`), unique in the dataset. */
  numericIds?: boolean;
  maxItems?: number;
  maxAnnotations?: number;
}

const unit = fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true });

function coordArb(size: number, o: ImageArbOptions): fc.Arbitrary<number> {
  if (o.integer) return fc.integer({ min: 0, max: size - 1 });
  if (o.inside) return unit.map((f) => f * size);
  return unit.map((f) => -size / 4 + f * size * 1.5);
}

function annotationArb(w: number, h: number, o: ImageArbOptions): fc.Arbitrary<Omit<Annotation, 'id'>> {
  const kinds = o.kinds ?? ['bbox', 'polygon', 'keypoints'];
  const arbs: fc.Arbitrary<Omit<Annotation, 'id'>>[] = [];
  const common = fc.record(
    {
      score: o.score ? fc.double({ min: 0, max: 1, noNaN: true }) : fc.constant(undefined),
    },
    { requiredKeys: [] },
  );
  if (kinds.includes('bbox')) {
    const box = o.integer
      ? fc.tuple(fc.integer({ min: 0, max: w - 1 }), fc.integer({ min: 0, max: h - 1 })).chain(([x, y]) =>
          fc.record({ x: fc.constant(x), y: fc.constant(y), width: fc.integer({ min: 1, max: w - x }), height: fc.integer({ min: 1, max: h - y }) }),
        )
      : fc.tuple(unit, unit, unit, unit).map(([a, b, c, d]) => {
          const x = a * w * 0.9;
          const y = b * h * 0.9;
          return { x, y, width: Math.max(0.01, c * (w - x)), height: Math.max(0.01, d * (h - y)) };
        });
    const rotation = o.rotation ? fc.option(fc.double({ min: 0.001, max: 359.999, noNaN: true }), { nil: undefined }) : fc.constant(undefined);
    arbs.push(
      fc.tuple(box, rotation, fc.constantFrom('car', 'person'), common, attrsArb(o)).map(([b, r, label, c, attrs]) => {
        const a: Record<string, unknown> = { kind: 'bbox', label, ...b };
        if (r !== undefined) a.rotation = r;
        if (c.score !== undefined) a.score = c.score;
        if (label === 'car' && attrs) a.attributes = attrs;
        return a as unknown as Annotation;
      }),
    );
  }
  if (kinds.includes('polygon')) {
    // Star-shaped rings around a centre: always simple, with a non-zero area (cheap to generate).
    const ring = fc
      .tuple(unit, unit, unit, fc.array(fc.tuple(unit, unit), { minLength: 3, maxLength: 8 }))
      .map(([fx, fy, fr, vs]) => {
        const rMax = Math.max(1, Math.min(w, h) / 2);
        const r = 1 + fr * (rMax - 1);
        const cx = o.inside || o.integer ? r + fx * Math.max(0, w - 2 * r) : fx * w;
        const cy = o.inside || o.integer ? r + fy * Math.max(0, h - 2 * r) : fy * h;
        const n = vs.length;
        return vs.map(([ja, jr], k) => {
          const ang = ((k + 0.8 * ja) / n) * 2 * Math.PI;
          const rr = r * (0.4 + 0.6 * jr);
          const p: Point2 = [cx + rr * Math.cos(ang), cy + rr * Math.sin(ang)];
          return o.integer ? ([Math.min(w, Math.max(0, Math.round(p[0]))), Math.min(h, Math.max(0, Math.round(p[1])))] as Point2) : o.inside ? ([Math.min(w, Math.max(0, p[0])), Math.min(h, Math.max(0, p[1]))] as Point2) : p;
        });
      })
      .filter((pts) => ringArea(pts) > 0.5 && new Set(pts.map((p) => p.join())).size === pts.length);
    arbs.push(
      fc.tuple(ring, fc.constantFrom('car', 'tree'), common, attrsArb(o)).map(([pts, label, c, attrs]) => {
        const a: Record<string, unknown> = { kind: 'polygon', label, points: pts };
        if (c.score !== undefined) a.score = c.score;
        if (label === 'car' && attrs) a.attributes = attrs;
        return a as unknown as Annotation;
      }),
    );
  }
  if (kinds.includes('keypoints')) {
    const kp = fc.tuple(coordArb(w, o), coordArb(h, o), fc.constantFrom<0 | 1 | 2>(0, 1, 2)).map(([x, y, visibility]) =>
      o.invisibleAtOrigin && visibility === 0 ? { x: 0, y: 0, visibility } : { x, y, visibility },
    );
    arbs.push(
      fc.tuple(fc.array(kp, { minLength: 3, maxLength: 3 }), common).map(([points, c]) => {
        const a: Record<string, unknown> = { kind: 'keypoints', label: 'person', points };
        if (c.score !== undefined) a.score = c.score;
        return a as unknown as Annotation;
      }),
    );
  }
  return fc.oneof(...arbs);
}

function attrsArb(o: ImageArbOptions): fc.Arbitrary<Record<string, boolean | string> | undefined> {
  if (!o.attributes) return fc.constant(undefined);
  return fc.option(
    fc.record({ occluded: fc.boolean(), make: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,8}$/) }, { requiredKeys: [] }).filter((r) => Object.keys(r).length > 0),
    { nil: undefined },
  );
}

/** Datasets of images with bbox / polygon / keypoints annotations on {@link imageSchema}. */
export function imageDatasetArb(o: ImageArbOptions = {}): fc.Arbitrary<Dataset> {
  const item = fc
    .tuple(fc.integer({ min: 2, max: 4000 }), fc.integer({ min: 2, max: 4000 }))
    .chain(([w, h]) => fc.tuple(fc.constant(w), fc.constant(h), fc.array(annotationArb(w, h, o), { maxLength: o.maxAnnotations ?? 5 })));
  return fc.array(item, { minLength: 1, maxLength: o.maxItems ?? 3 }).map((raw) => {
    let n = 0;
    const items: DatasetItem[] = raw.map(([width, height, anns], i) => ({
      media: { id: `img_${i + 1}.jpg`, width, height },
      annotations: anns.map((a) => ({ ...a, id: o.numericIds ? String(++n) : `a${++n}` }) as Annotation),
    }));
    return { schema: imageSchema, items };
  });
}

export const textSchema = defineSchema({
  labels: [
    { id: 'PER', kinds: ['span'] },
    { id: 'ORG', kinds: ['span'] },
    { id: 'positive', kinds: ['tag'] },
    { id: 'negative', kinds: ['tag'] },
  ],
});

/** Texts mixing ASCII, accents, CJK, emoji (astral, two UTF-16 units) and newlines. */
export const textArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom('a', 'b', 'c', ' ', 'é', '中', '😀', '🎉', '\n', 'Z'), { minLength: 1, maxLength: 40 })
  .map((cs) => cs.join(''));

/** Text items with spans (code points, `text` = the slice) and whole-item tags on {@link textSchema}. */
export function textDatasetArb(o: { tags?: boolean; maxItems?: number } = {}): fc.Arbitrary<Dataset> {
  const item = textArb.chain((text) => {
    const len = Array.from(text).length;
    const span = fc
      .tuple(fc.integer({ min: 0, max: len - 1 }), fc.integer({ min: 1, max: len }), fc.constantFrom('PER', 'ORG'))
      .filter(([s, e]) => e > s)
      .map(([start, end, label]) => ({ kind: 'span' as const, label, start, end, text: Array.from(text).slice(start, end).join('') }));
    const tag = fc.constantFrom('positive', 'negative').map((label) => ({ kind: 'tag' as const, label }));
    return fc.tuple(fc.constant(text), fc.array(o.tags ? fc.oneof(span, tag) : span, { maxLength: 4 }));
  });
  return fc.array(item, { minLength: 1, maxLength: o.maxItems ?? 3 }).map((raw) => {
    let n = 0;
    return {
      schema: textSchema,
      items: raw.map(([text, anns], i) => ({ media: { id: `doc_${i + 1}`, text }, annotations: anns.map((a) => ({ id: `a${++n}`, ...a }) as Annotation) })),
    };
  });
}

export const audioSchema = defineSchema({ labels: [{ id: 'speech', kinds: ['segment'] }, { id: 'music', kinds: ['segment'] }] });

/** Audio items (`duration` seconds) with segments inside them on {@link audioSchema}. */
export function audioDatasetArb(o: { maxItems?: number } = {}): fc.Arbitrary<Dataset> {
  const item = fc.double({ min: 1, max: 600, noNaN: true }).chain((duration) =>
    fc.tuple(
      fc.constant(duration),
      fc.array(
        fc.tuple(unit, unit, fc.constantFrom('speech', 'music')).filter(([a, b]) => Math.abs(a - b) * duration > 1e-3).map(([a, b, label]) => ({
          kind: 'segment' as const,
          label,
          start: Math.min(a, b) * duration,
          end: Math.max(a, b) * duration,
        })),
        { maxLength: 4 },
      ),
    ),
  );
  return fc.array(item, { minLength: 1, maxLength: o.maxItems ?? 3 }).map((raw) => {
    let n = 0;
    return {
      schema: audioSchema,
      items: raw.map(([duration, anns], i) => ({ media: { id: `clip_${i + 1}.wav`, duration }, annotations: anns.map((a) => ({ id: `s${++n}`, ...a }) as Annotation) })),
    };
  });
}

/** Options of {@link datasetDiff}. */
export interface DiffOptions {
  /** Absolute tolerance for numbers (default 1e-6). */
  eps?: number;
  /** Compare annotations in order, ignoring their ids (formats that have none). */
  ignoreIds?: boolean;
  /** Media fields to compare (default all of the expected media's fields). */
  mediaFields?: string[];
}

/** The first difference between two datasets' items, as `path: message`, or undefined. */
export function datasetDiff(actual: Dataset, expected: Dataset, o: DiffOptions = {}): string | undefined {
  const eps = o.eps ?? 1e-6;
  if (actual.items.length !== expected.items.length) return `items: ${actual.items.length} instead of ${expected.items.length}`;
  for (let i = 0; i < expected.items.length; i++) {
    const a = actual.items[i]!;
    const e = expected.items[i]!;
    const media = o.mediaFields ? Object.fromEntries(o.mediaFields.map((k) => [k, (e.media as unknown as Record<string, unknown>)[k]])) : e.media;
    const am = o.mediaFields ? Object.fromEntries(o.mediaFields.map((k) => [k, (a.media as unknown as Record<string, unknown>)[k]])) : a.media;
    const d = valueDiff(am, media, `items[${i}].media`, eps);
    if (d) return d;
    if (a.annotations.length !== e.annotations.length) return `items[${i}].annotations: ${a.annotations.length} instead of ${e.annotations.length}`;
    for (let j = 0; j < e.annotations.length; j++) {
      const x = { ...a.annotations[j]! } as Record<string, unknown>;
      const y = { ...e.annotations[j]! } as Record<string, unknown>;
      if (o.ignoreIds) {
        delete x.id;
        delete y.id;
      }
      const dd = valueDiff(x, y, `items[${i}].annotations[${j}]`, eps);
      if (dd) return dd;
    }
  }
  return undefined;
}

function valueDiff(a: unknown, e: unknown, path: string, eps: number): string | undefined {
  if (typeof e === 'number' && typeof a === 'number') {
    if (path.endsWith('.rotation')) {
      const d = Math.abs((((a - e) % 360) + 540) % 360 - 180);
      return d <= 1e-6 ? undefined : `${path}: ${a} instead of ${e}`;
    }
    return Math.abs(a - e) <= eps * Math.max(1, Math.abs(e) / 1000) ? undefined : `${path}: ${a} instead of ${e}`;
  }
  if (Array.isArray(e)) {
    if (!Array.isArray(a) || a.length !== e.length) return `${path}: ${JSON.stringify(a)} instead of ${JSON.stringify(e)}`;
    for (let i = 0; i < e.length; i++) {
      const d = valueDiff(a[i], e[i], `${path}[${i}]`, eps);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof e === 'object' && e !== null) {
    if (typeof a !== 'object' || a === null) return `${path}: ${JSON.stringify(a)} instead of an object`;
    const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
    for (const k of keys) {
      const ev = (e as Record<string, unknown>)[k];
      const av = (a as Record<string, unknown>)[k];
      if (ev === undefined && av === undefined) continue;
      if (k === 'rotation' && (ev ?? 0) === 0 && (av ?? 0) === 0) continue;
      const d = valueDiff(av, ev, `${path}.${k}`, eps);
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(a, e) || a === e ? undefined : `${path}: ${JSON.stringify(a)} instead of ${JSON.stringify(e)}`;
}

/** Video labels: `car` has a track attribute (`make`) and attributes that change over time (`parked`, `colour`). */
export const videoSchema = defineSchema({
  labels: [
    { id: 'car', kinds: ['track'], attributes: [{ id: 'make', type: 'text' }, { id: 'parked', type: 'boolean' }, { id: 'colour', type: 'select', options: ['red', 'blue', 'grey'] }] },
    { id: 'person', kinds: ['track'] },
  ],
});

/** What {@link videoDatasetArb} generates beyond boxes and `outside` (rotation and occlusion by default). */
export interface VideoArbOptions {
  rotation?: boolean;
  occluded?: boolean;
  /** `car` tracks get a `make` and keyframes `parked`/`colour` values (default false). */
  attributes?: boolean;
  /** Integer pixel coordinates and sizes (default false). */
  integer?: boolean;
}

/** One video (`width`×`height`, `frameCount` 300) with box tracks: sorted unique keyframes, outside/occluded flags, rotation. */
export function videoDatasetArb(o: VideoArbOptions = {}): fc.Arbitrary<Dataset> {
  const kf = fc.record({
    frame: fc.integer({ min: 0, max: 299 }),
    f: fc.tuple(unit, unit, unit, unit),
    rotation: o.rotation === false ? fc.constant(undefined) : fc.option(fc.double({ min: 0.001, max: 359.999, noNaN: true }), { nil: undefined }),
    outside: fc.boolean(),
    occluded: o.occluded === false ? fc.constant(false) : fc.boolean(),
    attributes: o.attributes
      ? fc.option(fc.record({ parked: fc.boolean(), colour: fc.constantFrom('red', 'blue', 'grey') }, { requiredKeys: [] }).filter((r) => Object.keys(r).length > 0), { nil: undefined })
      : fc.constant(undefined),
  });
  const make = o.attributes ? fc.option(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/), { nil: undefined }) : fc.constant(undefined);
  const track = fc.tuple(fc.uniqueArray(kf, { minLength: 1, maxLength: 5, selector: (k) => k.frame }), fc.constantFrom('car', 'person'), make);
  return fc.tuple(fc.integer({ min: 2, max: 1920 }), fc.integer({ min: 2, max: 1080 }), fc.array(track, { maxLength: 4 })).map(([w, h, tracks]) => ({
    schema: videoSchema,
    items: [
      {
        media: { id: 'clip.mp4', width: w, height: h, frameCount: 300 },
        annotations: tracks.map(([kfs, label, makeValue], i) => ({
          id: `t${i}`,
          kind: 'track' as const,
          label,
          ...(label === 'car' && makeValue !== undefined ? { attributes: { make: makeValue } } : {}),
          keyframes: [...kfs].sort((a, b) => a.frame - b.frame).map((k) => {
            const r = (v: number) => (o.integer ? Math.round(v) : v);
            const x = r(k.f[0] * w * 0.9);
            const y = r(k.f[1] * h * 0.9);
            return {
              frame: k.frame,
              x,
              y,
              width: o.integer ? Math.max(1, Math.round(k.f[2] * (w - x))) : Math.max(0.01, k.f[2] * (w - x)),
              height: o.integer ? Math.max(1, Math.round(k.f[3] * (h - y))) : Math.max(0.01, k.f[3] * (h - y)),
              ...(k.rotation !== undefined ? { rotation: k.rotation } : {}),
              ...(k.outside ? { outside: true } : {}),
              ...(k.occluded ? { occluded: true } : {}),
              ...(label === 'car' && k.attributes ? { attributes: k.attributes } : {}),
            };
          }),
        })),
      },
    ],
  }));
}
