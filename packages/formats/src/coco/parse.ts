import type { Annotation, AttributeValue, KeypointsAnnotation, LabelSchema, Point2 } from '@labelkit/core';
import type { Dataset, DatasetItem, FormatLoss } from '../dataset.js';
import { bounds, pairs, ringArea } from '../shared/geometry.js';
import { IdPool } from '../shared/ids.js';
import { IssueList, at, describe, isFiniteNumber, isRecord } from '../shared/issues.js';
import { readJson } from '../shared/json-input.js';
import { LabelSet } from '../shared/labels.js';

export interface CocoParseOptions {
  /** Map category names to this schema's labels (an unknown name is an error) instead of inferring labels. */
  schema?: LabelSchema;
}

/** What `dataset.extra.coco` holds after parsing, for stable re-export. */
export interface CocoDatasetExtra {
  /** COCO category id of each label id, reused on export. */
  categoryIds: Record<string, number>;
  /** Foreign category fields (supercategory, color, metadata, ...) by label id. */
  categories?: Record<string, Record<string, unknown>>;
  /** Top-level fields other than images/annotations/categories (info, licenses, ...). */
  fields?: Record<string, unknown>;
}

const ANN_KNOWN = new Set(['id', 'image_id', 'category_id', 'segmentation', 'bbox', 'area', 'iscrowd', 'keypoints', 'num_keypoints', 'score', 'attributes']);
const IMG_KNOWN = new Set(['id', 'file_name', 'width', 'height']);
const CAT_KNOWN = new Set(['id', 'name', 'keypoints', 'skeleton']);

function isAttributeValue(v: unknown): v is AttributeValue {
  return typeof v === 'string' || typeof v === 'boolean' || isFiniteNumber(v) || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
}

export function parseCoco(input: unknown, options: CocoParseOptions = {}): { dataset: Dataset; warnings: FormatLoss[] } {
  const issues = new IssueList('coco');
  const doc = readJson('coco', input);
  if (!isRecord(doc)) {
    issues.add('(root)', `expected a COCO object with "images", "annotations" and "categories", got ${describe(doc)}`);
    issues.throwIfAny();
  }
  const d = doc as Record<string, unknown>;
  for (const k of ['images', 'annotations', 'categories']) if (!Array.isArray(d[k])) issues.add(k, `expected an array, got ${describe(d[k])}`);
  issues.throwIfAny();
  const labels = new LabelSet(issues, options.schema);

  // Categories → labels.
  const cats = new Map<number, { labelId: string; kpNames?: string[]; skeleton?: [number, number][]; path: string }>();
  const categoryIds: Record<string, number> = {};
  const catExtra: Record<string, Record<string, unknown>> = {};
  const names = new Map<string, number>();
  const catList = d.categories as unknown[];
  // Keypoint counts per category from the annotations, to name unnamed keypoints.
  const kpCount = new Map<number, number>();
  for (const a of d.annotations as unknown[]) {
    if (isRecord(a) && Array.isArray(a.keypoints) && isFiniteNumber(a.category_id)) kpCount.set(a.category_id, Math.max(kpCount.get(a.category_id) ?? 0, Math.floor(a.keypoints.length / 3)));
  }
  const allNames = new Set(catList.filter(isRecord).map((c) => c.name));
  catList.forEach((c, i) => {
    const path = at('categories', i);
    if (!isRecord(c)) return issues.add(path, `expected a category object, got ${describe(c)}`);
    if (!Number.isInteger(c.id)) return issues.add(`${path}.id`, `expected an integer id, got ${describe(c.id)}`);
    if (typeof c.name !== 'string' || c.name === '') return issues.add(`${path}.name`, `expected a non-empty name, got ${describe(c.name)}`);
    const id = c.id as number;
    if (cats.has(id)) return issues.add(`${path}.id`, `duplicate category id ${id}`);
    if (names.has(c.name)) return issues.add(`${path}.name`, `duplicate category name "${c.name}" (also categories[${names.get(c.name)}])`);
    names.set(c.name, i);
    let kpNames: string[] | undefined;
    let skeleton: [number, number][] | undefined;
    if (c.keypoints !== undefined) {
      if (!Array.isArray(c.keypoints) || !c.keypoints.every((k) => typeof k === 'string')) issues.add(`${path}.keypoints`, `expected an array of keypoint names, got ${describe(c.keypoints)}`);
      else kpNames = c.keypoints as string[];
      const n = kpCount.get(id) ?? 0;
      if (kpNames && kpNames.length === 0 && n > 0) {
        kpNames = Array.from({ length: n }, (_, k) => String(k + 1));
        issues.warn(`${path}.keypoints`, `no keypoint names; named them "1".."${n}" from the annotations`);
      }
    }
    if (c.skeleton !== undefined && kpNames) {
      const sk = c.skeleton;
      if (!Array.isArray(sk) || !sk.every((e) => Array.isArray(e) && e.length === 2 && e.every((v) => Number.isInteger(v)))) {
        issues.add(`${path}.skeleton`, `expected an array of [from, to] 1-based keypoint indices, got ${describe(sk)}`);
      } else {
        const edges = sk as [number, number][];
        const zeroBased = edges.some((e) => e.includes(0));
        if (zeroBased) issues.warn(`${path}.skeleton`, 'skeleton uses index 0, so it was read as 0-based (COCO skeletons are 1-based); written back 1-based');
        const off = zeroBased ? 0 : 1;
        edges.forEach((e, j) => {
          for (const v of e) if (v - off < 0 || v - off >= kpNames!.length) issues.add(`${path}.skeleton[${j}]`, `keypoint index ${v} is out of range 1..${kpNames!.length}`);
        });
        skeleton = edges.map(([a, b]) => [a - off, b - off]);
      }
    }
    const foreign: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c)) if (!CAT_KNOWN.has(k)) foreign[k] = v;
    const sc = typeof c.supercategory === 'string' ? c.supercategory : '';
    let parent: string | undefined;
    if (!options.schema && sc && sc !== c.name) {
      parent = sc;
      if (!allNames.has(sc) && !labels.label(sc)) labels.declare({ id: sc, selectable: false }, `${path}.supercategory`);
    }
    const color = typeof c.color === 'string' && /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(c.color) ? c.color : undefined;
    const labelId = labels.declare(
      {
        id: c.name,
        ...(parent ? { parent } : {}),
        ...(color ? { color } : {}),
        ...(kpNames && kpNames.length ? { skeleton: { keypoints: kpNames, ...(skeleton ? { edges: skeleton.map(([a, b]) => [kpNames![a]!, kpNames![b]!] as [string, string]) } : {}) } } : {}),
      },
      `${path}.name`,
    );
    if (labelId === undefined) return;
    cats.set(id, { labelId, ...(kpNames ? { kpNames } : {}), ...(skeleton ? { skeleton } : {}), path });
    categoryIds[labelId] = id;
    if (Object.keys(foreign).length) catExtra[labelId] = foreign;
  });

  // Images → items.
  const images = new Map<unknown, DatasetItem>();
  const items: DatasetItem[] = [];
  const mediaIds = new Set<string>();
  (d.images as unknown[]).forEach((img, i) => {
    const path = at('images', i);
    if (!isRecord(img)) return issues.add(path, `expected an image object, got ${describe(img)}`);
    if (!Number.isInteger(img.id) && typeof img.id !== 'string') return issues.add(`${path}.id`, `expected an integer id, got ${describe(img.id)}`);
    if (images.has(img.id)) return issues.add(`${path}.id`, `duplicate image id ${describe(img.id)}`);
    for (const k of ['width', 'height'] as const) if (img[k] !== undefined && (!isFiniteNumber(img[k]) || (img[k] as number) <= 0)) issues.add(`${path}.${k}`, `expected a positive number, got ${describe(img[k])}`);
    const mediaId = typeof img.file_name === 'string' && img.file_name ? img.file_name : String(img.id);
    if (mediaIds.has(mediaId)) return issues.add(`${path}.file_name`, `duplicate file_name "${mediaId}"`);
    mediaIds.add(mediaId);
    const foreign: Record<string, unknown> = { id: img.id };
    for (const [k, v] of Object.entries(img)) if (!IMG_KNOWN.has(k)) foreign[k] = v;
    const item: DatasetItem = {
      media: {
        id: mediaId,
        ...(isFiniteNumber(img.width) ? { width: img.width } : {}),
        ...(isFiniteNumber(img.height) ? { height: img.height } : {}),
        extra: { coco: foreign },
      },
      annotations: [],
    };
    images.set(img.id, item);
    items.push(item);
  });

  // Annotations.
  const annIds = new Set<unknown>();
  const ids = new IdPool();
  (d.annotations as unknown[]).forEach((a, i) => {
    const path = at('annotations', i);
    if (!isRecord(a)) return issues.add(path, `expected an annotation object, got ${describe(a)}`);
    const n0 = issues.issues.length;
    if (!Number.isInteger(a.id) && typeof a.id !== 'string') issues.add(`${path}.id`, `expected an integer id, got ${describe(a.id)}`);
    else if (annIds.has(a.id)) issues.add(`${path}.id`, `duplicate annotation id ${describe(a.id)}`);
    annIds.add(a.id);
    const item = images.get(a.image_id);
    if (!item) issues.add(`${path}.image_id`, `no image with id ${describe(a.image_id)}`);
    const cat = isFiniteNumber(a.category_id) ? cats.get(a.category_id) : undefined;
    if (!cat) issues.add(`${path}.category_id`, `no category with id ${describe(a.category_id)}`);
    let bbox: [number, number, number, number] | undefined;
    if (a.bbox !== undefined) {
      if (!Array.isArray(a.bbox) || a.bbox.length !== 4 || !a.bbox.every(isFiniteNumber)) issues.add(`${path}.bbox`, `expected [x, y, width, height], got ${describe(a.bbox)}`);
      else if ((a.bbox as number[])[2]! < 0 || (a.bbox as number[])[3]! < 0) issues.add(`${path}.bbox`, `width and height must not be negative, got ${JSON.stringify(a.bbox)}`);
      else bbox = a.bbox as [number, number, number, number];
    }
    const polygons: Point2[][] = [];
    let rle: unknown;
    const seg = a.segmentation;
    if (Array.isArray(seg)) {
      seg.forEach((part, k) => {
        const p = `${path}.segmentation[${k}]`;
        if (!Array.isArray(part) || !part.every(isFiniteNumber)) return issues.add(p, `expected a flat list of numbers [x1, y1, x2, y2, ...], got ${describe(part)}`);
        if (part.length < 6) return issues.add(p, `a polygon needs at least 3 points (6 numbers), got ${part.length} numbers`);
        if (part.length % 2) return issues.add(p, `a polygon needs an even count of numbers, got ${part.length}`);
        polygons.push(pairs(part as number[]));
      });
    } else if (isRecord(seg)) {
      if (!('counts' in seg) || !Array.isArray(seg.size)) issues.add(`${path}.segmentation`, 'expected RLE { counts, size } or a list of polygons');
      else rle = seg;
    } else if (seg !== undefined && seg !== null) issues.add(`${path}.segmentation`, `expected a list of polygons or an RLE object, got ${describe(seg)}`);
    let kp: KeypointsAnnotation['points'] | undefined;
    if (a.keypoints !== undefined && !(Array.isArray(a.keypoints) && a.keypoints.length === 0)) {
      const k = a.keypoints;
      if (!Array.isArray(k) || k.length % 3 || !k.every(isFiniteNumber)) issues.add(`${path}.keypoints`, `expected a flat list [x, y, v, ...], got ${describe(k)}`);
      else {
        kp = [];
        for (let j = 0; j < k.length; j += 3) {
          const v = k[j + 2] as number;
          if (v !== 0 && v !== 1 && v !== 2) issues.add(`${path}.keypoints[${j + 2}]`, `visibility must be 0, 1 or 2, got ${v}`);
          kp.push({ x: k[j] as number, y: k[j + 1] as number, visibility: v as 0 | 1 | 2 });
        }
        const expected = cat?.kpNames?.length;
        if (cat && expected !== undefined && expected !== kp.length) issues.add(`${path}.keypoints`, `expected ${expected} keypoints (category "${cat.labelId}"), got ${kp.length}`);
        if (cat && expected === undefined) issues.add(`${path}.keypoints`, `category ${describe(a.category_id)} declares no keypoints`);
      }
    }
    if (a.score !== undefined && (!isFiniteNumber(a.score) || a.score < 0 || a.score > 1)) issues.add(`${path}.score`, `expected a number in [0, 1], got ${describe(a.score)}`);
    if (issues.issues.length > n0 || !item || !cat) return;

    // Foreign fields and what cannot be derived go to extra.coco.
    const extra: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(a)) if (!ANN_KNOWN.has(k)) extra[k] = v;
    if (a.iscrowd !== undefined && a.iscrowd !== 0) extra.iscrowd = a.iscrowd;
    let attributes: Record<string, AttributeValue> | undefined;
    if (isRecord(a.attributes)) {
      const ok: Record<string, AttributeValue> = {};
      const other: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(a.attributes)) (isAttributeValue(v) ? ok : other)[k] = v;
      const split = labels.attributes(cat.labelId, ok);
      attributes = split.attributes;
      if (split.rest) Object.assign(other, split.rest);
      if (Object.keys(other).length) extra.attributes = other;
    } else if (a.attributes !== undefined) extra.attributes = a.attributes;

    const base = String(a.id);
    const out: Annotation[] = [];
    const common = (geomKind: Annotation['kind']) => {
      const label = labels.use(cat.labelId, geomKind, `${path}.category_id`)!;
      return { label, ...(attributes ? { attributes } : {}), ...(isFiniteNumber(a.score) ? { score: a.score } : {}) };
    };
    let derivedBox: [number, number, number, number] | undefined;
    let derivedArea: number;
    if (polygons.length) {
      polygons.forEach((points) => out.push({ id: '', kind: 'polygon', ...common('polygon'), points }));
      const b = bounds(polygons.flat());
      derivedBox = [b[0], b[1], b[2] - b[0], b[3] - b[1]];
      derivedArea = polygons.reduce((s, p) => s + ringArea(p), 0);
    } else {
      if (rle !== undefined) {
        extra.segmentation = rle;
        issues.warn(`${path}.segmentation`, 'RLE mask kept in extra.coco.segmentation (labelkit has no mask kind); its bbox was imported as a box');
      }
      const kpBounds = kp ? visibleBounds(kp) : undefined;
      const isDerived = bbox && kpBounds && bbox.every((v, j) => v === kpBounds[j]);
      if (bbox && bbox[2] > 0 && bbox[3] > 0 && !isDerived) {
        out.push({ id: '', kind: 'bbox', ...common('bbox'), x: bbox[0], y: bbox[1], width: bbox[2], height: bbox[3] });
        derivedBox = bbox;
        derivedArea = bbox[2] * bbox[3];
      } else {
        derivedBox = kpBounds ?? [0, 0, 0, 0];
        derivedArea = derivedBox[2] * derivedBox[3];
        if (bbox && !isDerived && !(kp && bbox.every((v) => v === 0))) extra.bbox = bbox;
        if (!kp) issues.warn(path, bbox ? 'zero-size bbox and no segmentation; kept in extra only' : 'no geometry');
      }
    }
    if (kp) {
      if (cat.kpNames) labels.use(cat.labelId, 'keypoints', `${path}.category_id`);
      out.push({ id: '', kind: 'keypoints', ...common('keypoints'), points: kp });
    }
    if (bbox && polygons.length && !bbox.every((v, j) => v === derivedBox![j])) extra.bbox = bbox;
    if (a.area !== undefined && !(isFiniteNumber(a.area) && a.area === derivedArea)) extra.area = a.area;
    if (out.length === 0) {
      // Nothing drawable (e.g. an RLE with a zero bbox): keep the whole annotation on the media.
      const m = (item.media.extra!.coco as Record<string, unknown>);
      ((m.unplaced as unknown[]) ??= []).push(a);
      return;
    }
    out.forEach((ann, k) => {
      ann.id = ids.take(k === 0 ? base : `${base}-${k + 1}`);
      if (k === 0 && Object.keys(extra).length) ann.extra = { coco: extra };
      item.annotations.push(ann);
    });
  });
  issues.throwIfAny();

  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) if (k !== 'images' && k !== 'annotations' && k !== 'categories') fields[k] = v;
  const cocoExtra: CocoDatasetExtra = { categoryIds };
  if (Object.keys(catExtra).length) cocoExtra.categories = catExtra;
  if (Object.keys(fields).length) cocoExtra.fields = fields;
  const schema = labels.build();
  return { dataset: { schema, items, extra: { coco: cocoExtra } }, warnings: issues.warnings };
}

/** `[x, y, w, h]` of the labelled (v > 0) keypoints, or undefined when none is labelled. */
export function visibleBounds(points: KeypointsAnnotation['points']): [number, number, number, number] | undefined {
  const vis = points.filter((p) => p.visibility > 0).map((p) => [p.x, p.y] as Point2);
  if (!vis.length) return undefined;
  const b = bounds(vis);
  return [b[0], b[1], b[2] - b[0], b[3] - b[1]];
}
