import type { Annotation, BBoxAnnotation, KeypointsAnnotation, PolygonAnnotation } from '@labelkit/core';
import type { Dataset, FormatLoss } from '../dataset.js';
import { bounds, flatten, ringArea } from '../shared/geometry.js';
import { isRecord } from '../shared/issues.js';
import { writeJson } from '../shared/json-input.js';
import { commonLosses, kindLoss } from '../shared/losses.js';
import type { CocoDatasetExtra } from './parse.js';
import { visibleBounds } from './parse.js';

export interface CocoSerializeOptions {
  /** Indent the JSON (default true). */
  pretty?: boolean;
}

interface Group {
  base: Annotation;
  path: string;
  bbox?: BBoxAnnotation;
  polygons: PolygonAnnotation[];
  keypoints?: KeypointsAnnotation;
}

export function serializeCoco(dataset: Dataset, options: CocoSerializeOptions = {}): { output: string; losses: FormatLoss[] } {
  const losses: FormatLoss[] = [];
  const cx = (dataset.extra?.coco ?? {}) as Partial<CocoDatasetExtra>;
  const knownIds = cx.categoryIds ?? {};

  // Categories: keep the original ids, give new labels the next free ones.
  const usedCat = new Set(Object.values(knownIds));
  let nextCat = Math.max(0, ...usedCat) + 1;
  const catId = new Map<string, number>();
  const categories: Record<string, unknown>[] = [];
  for (const l of dataset.schema.labels) {
    if (!l.selectable && !l.kinds.length) continue;
    const isGroupOnly = !l.selectable && (dataset.schema.children.get(l.id)?.length ?? 0) > 0;
    if (isGroupOnly) continue; // written as the children's supercategory
    let id = knownIds[l.id];
    if (id === undefined) {
      while (usedCat.has(nextCat)) nextCat++;
      id = nextCat++;
      usedCat.add(id);
    }
    catId.set(l.id, id);
    const foreign = cx.categories?.[l.id] ?? {};
    const cat: Record<string, unknown> = { id, name: l.name === l.id ? l.id : l.id, supercategory: l.parent ?? foreign.supercategory ?? '', ...foreign };
    if (l.parent) cat.supercategory = l.parent;
    if (l.skeleton) {
      cat.keypoints = [...l.skeleton.keypoints];
      cat.skeleton = (l.skeleton.edges ?? []).map(([a, b]) => [l.skeleton!.keypoints.indexOf(a) + 1, l.skeleton!.keypoints.indexOf(b) + 1]);
    }
    if (l.name !== l.id) losses.push({ path: `schema.labels[${l.id}].name`, message: `COCO category names are label ids; display name "${l.name}" not exported` });
    categories.push(cat);
  }

  const images: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  const usedImg = new Set<unknown>();
  for (const it of dataset.items) {
    const e = it.media.extra?.coco;
    if (isRecord(e) && e.id !== undefined) usedImg.add(e.id);
  }
  let nextImg = 1;
  // Annotation ids: numeric labelkit ids are reused; others get fresh ones.
  const usedAnn = new Set<number>();
  for (const it of dataset.items) for (const a of it.annotations) if (/^\d+$/.test(a.id)) usedAnn.add(Number(a.id));
  let nextAnn = 1;
  const freshAnn = () => {
    while (usedAnn.has(nextAnn)) nextAnn++;
    usedAnn.add(nextAnn);
    return nextAnn;
  };

  dataset.items.forEach((it, i) => {
    const m = it.media;
    const me = isRecord(m.extra?.coco) ? { ...(m.extra!.coco as Record<string, unknown>) } : {};
    let imageId = me.id;
    delete me.id;
    const unplaced = Array.isArray(me.unplaced) ? (me.unplaced as Record<string, unknown>[]) : [];
    delete me.unplaced;
    if (imageId === undefined) {
      while (usedImg.has(nextImg)) nextImg++;
      imageId = nextImg++;
      usedImg.add(imageId);
    }
    if (m.width === undefined || m.height === undefined) losses.push({ path: `items[${i}].media`, message: 'image size unknown; COCO width/height written as 0' });
    images.push({ id: imageId, file_name: m.id, width: m.width ?? 0, height: m.height ?? 0, ...me });
    for (const u of unplaced) annotations.push({ ...u, image_id: imageId });

    // Group annotations that came from one COCO annotation: ids "17", "17-2", "17-3" with one label.
    const byId = new Map(it.annotations.map((a) => [a.id, a]));
    const groups: Group[] = [];
    const groupOf = new Map<string, Group>();
    it.annotations.forEach((a, j) => {
      const path = `items[${i}].annotations[${j}]`;
      if (a.kind !== 'bbox' && a.kind !== 'polygon' && a.kind !== 'keypoints') return kindLoss('COCO', a, path, losses);
      const mm = /^(\d+)-\d+$/.exec(a.id);
      const parent = mm ? groupOf.get(mm[1]!) : undefined;
      let g = parent && byId.get(mm![1]!)?.label === a.label ? parent : undefined;
      if (g && ((a.kind === 'bbox' && g.bbox) || (a.kind === 'keypoints' && g.keypoints) || (a.kind !== 'polygon' && g.polygons.length && a.kind === 'bbox'))) g = undefined;
      if (!g) {
        g = { base: a, path, polygons: [] };
        groups.push(g);
        groupOf.set(a.id, g);
      }
      if (a.kind === 'bbox') g.bbox = a;
      else if (a.kind === 'polygon') g.polygons.push(a);
      else g.keypoints = a;
      if (a.kind === 'bbox' && a.rotation) losses.push({ path: `${path}.rotation`, message: `COCO boxes are axis-aligned; rotation ${a.rotation}° dropped` });
      if (a.kind === 'polygon' && a.holes?.length) losses.push({ path: `${path}.holes`, message: 'COCO polygons have no holes (parts are unioned); holes not exported' });
      commonLosses('COCO', a, path, { id: true, attributes: true, score: true, extra: true }, losses);
      if (a.extra) for (const k of Object.keys(a.extra)) if (k !== 'coco') losses.push({ path: `${path}.extra.${k}`, message: `foreign fields of "${k}" not exported to COCO` });
      if (g.base !== a && a.extra?.coco) losses.push({ path: `${path}.extra.coco`, message: 'COCO fields of a secondary part are not exported' });
    });

    for (const g of groups) {
      const a = g.base;
      const ex = isRecord(a.extra?.coco) ? { ...(a.extra!.coco as Record<string, unknown>) } : {};
      const id = /^\d+$/.test(a.id) ? Number(a.id) : freshAnn();
      if (!/^\d+$/.test(a.id)) losses.push({ path: `${g.path}.id`, message: `COCO ids are integers; "${a.id}" exported as ${id}` });
      let bbox: number[];
      let area: number;
      let segmentation: unknown = [];
      if (g.polygons.length) {
        segmentation = g.polygons.map((p) => flatten(p.points));
        const b = bounds(g.polygons.flatMap((p) => p.points));
        bbox = g.bbox ? [g.bbox.x, g.bbox.y, g.bbox.width, g.bbox.height] : [b[0], b[1], b[2] - b[0], b[3] - b[1]];
        area = g.polygons.reduce((s, p) => s + ringArea(p.points), 0);
      } else if (g.bbox) {
        bbox = [g.bbox.x, g.bbox.y, g.bbox.width, g.bbox.height];
        area = g.bbox.width * g.bbox.height;
      } else {
        bbox = visibleBounds(g.keypoints!.points) ?? [0, 0, 0, 0];
        area = bbox[2]! * bbox[3]!;
      }
      if (ex.segmentation !== undefined && !g.polygons.length) segmentation = ex.segmentation;
      if (Array.isArray(ex.bbox)) bbox = ex.bbox as number[];
      if (ex.area !== undefined) area = ex.area as number;
      const iscrowd = ex.iscrowd ?? 0;
      const extraAttrs = isRecord(ex.attributes) ? ex.attributes : undefined;
      delete ex.segmentation;
      delete ex.bbox;
      delete ex.area;
      delete ex.iscrowd;
      delete ex.attributes;
      const out: Record<string, unknown> = {
        id,
        image_id: imageId,
        category_id: catId.get(a.label) ?? 0,
        segmentation,
        area,
        bbox,
        iscrowd,
      };
      if (g.keypoints) {
        out.keypoints = g.keypoints.points.flatMap((p) => [p.x, p.y, p.visibility]);
        out.num_keypoints = g.keypoints.points.filter((p) => p.visibility > 0).length;
      }
      const attrs = { ...(extraAttrs ?? {}), ...(a.attributes ?? {}) };
      if (Object.keys(attrs).length) out.attributes = attrs;
      const score = a.score ?? g.keypoints?.score;
      if (score !== undefined) out.score = score;
      Object.assign(out, ex);
      annotations.push(out);
    }
  });
  const doc = { ...(cx.fields ?? {}), images, annotations, categories };
  return { output: options.pretty === false ? JSON.stringify(doc) : writeJson(doc), losses };
}
