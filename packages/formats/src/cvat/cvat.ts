import { defineSchema, SchemaError, type Annotation, type AttributeValue, type KeypointsAnnotation, type LabelSchema, type Point2 } from '@labelkit/core';
import type { DatasetItem, Format, FormatLoss } from '../dataset.js';
import { IdPool } from '../shared/ids.js';
import { IssueList, isRecord } from '../shared/issues.js';
import { LabelSet, attributeFromText, attributeToText } from '../shared/labels.js';
import { commonLosses, kindLoss } from '../shared/losses.js';
import { fmt, parseNumberToken } from '../shared/numbers.js';
import { childElement, childElements, el, parseXml, serializeXml, XmlError, type XmlElement, type XmlNode } from '../shared/xml.js';
import { companionLabel, cvatTypeOf, readMeta, type CvatLabelType } from './meta.js';
import { mutableAttributes, readVideo, writeVideo } from './video.js';

export interface CvatParseOptions {
  /** Map labels to this schema instead of the file's `<meta>` labels. */
  schema?: LabelSchema;
}

export type CvatSerializeOptions = object;

const SHAPES = new Set(['box', 'polygon', 'polyline', 'points', 'skeleton', 'tag', 'ellipse', 'cuboid', 'mask']);
/** Shapes labelkit has no kind for, kept verbatim in `media.extra.cvat.shapes` and written back as they were. */
const KEPT_SHAPES: Record<string, string> = {
  polyline: 'labelkit has no polyline kind',
  ellipse: 'labelkit has no ellipse kind',
  cuboid: 'labelkit has no cuboid kind for images',
  mask: 'labelkit has no mask kind',
  points: 'a CVAT points shape is a free set of points, and labelkit has no kind for it (keypoints follow a skeleton)',
};

/**
 * CVAT XML 1.1. For images: boxes (rotated), polygons, skeletons, tags with typed attributes; shapes
 * labelkit has no kind for (polylines, free points, ellipses, masks) are kept verbatim on the media.
 * For video (a file of `<track>`s): box tracks as `track`s with mutable attributes on their keyframes
 * (see `./video.ts`).
 */
export const cvat: Format<string, string, CvatParseOptions, CvatSerializeOptions> = {
  name: 'cvat',
  parse(input, options = {}) {
    const issues = new IssueList('cvat');
    let root: XmlElement;
    try {
      root = parseXml(input);
    } catch (e) {
      if (e instanceof XmlError) {
        issues.add(`line ${e.line}`, e.message.replace(/^line \d+, /, ''));
        issues.throwIfAny();
      }
      throw e;
    }
    const where = (e: XmlElement) => `line ${e.line}`;
    if (root!.name !== 'annotations') {
      issues.add(where(root!), `expected <annotations> as the root, got <${root!.name}>`);
      issues.throwIfAny();
    }
    const metaEl = childElement(root!, 'meta');
    const meta = metaEl ? readMeta(metaEl, 'cvat', issues) : { labels: [], types: {} as Record<string, CvatLabelType>, companions: new Map<string, string>(), mutable: new Map<string, Set<string>>() };
    // Shapes under a "<skeleton> (shapes)" companion label belong to the skeleton label.
    const labelOf = (name: string) => (options.schema?.byId.has(name) ? name : (meta.companions.get(name) ?? name));
    let given = options.schema;
    if (!given && meta.labels.length) {
      try {
        given = defineSchema({ labels: meta.labels });
      } catch (e) {
        if (!(e instanceof SchemaError)) throw e;
        for (const i of e.issues) issues.add(`<meta> ${i.path}`, i.message);
        issues.throwIfAny();
      }
    }
    const labels = new LabelSet(issues, given);
    const items: DatasetItem[] = [];
    const mediaIds = new Set<string>();
    const images = childElements(root!, 'image');
    const hasSubsets = images.some((i) => i.attributes.subset !== undefined);
    const types: Record<string, CvatLabelType> = { ...meta.types };

    const num = (e: XmlElement, attr: string): number => {
      const v = e.attributes[attr];
      const n = v === undefined ? undefined : parseNumberToken(v);
      if (n === undefined) issues.add(where(e), `<${e.name}> attribute ${attr} must be a number, got ${v === undefined ? 'nothing' : `"${v}"`}`);
      return n ?? NaN;
    };
    const points = (e: XmlElement): Point2[] | undefined => {
      const raw = e.attributes.points ?? '';
      const pts = raw.split(';').filter((p) => p.trim() !== '').map((p) => p.split(',').map((t) => parseNumberToken(t)));
      if (!pts.every((p) => p.length === 2 && p.every((v) => v !== undefined))) {
        issues.add(where(e), `<${e.name}> points must be "x,y;x,y;...", got "${raw}"`);
        return undefined;
      }
      return pts as Point2[];
    };
    const attrsOf = (e: XmlElement, labelId: string) => {
      const defs = labels.label(labelId)?.attributes ?? [];
      const values: Record<string, AttributeValue> = {};
      for (const a of childElements(e, 'attribute')) {
        const name = a.attributes.name;
        if (!name) {
          issues.add(where(a), '<attribute> needs a name');
          continue;
        }
        values[name] = attributeFromText(defs.find((d) => d.id === name), a.children.filter((c) => typeof c === 'string').join(''));
      }
      return labels.attributes(labelId, values);
    };

    for (const img of images) {
      const name = img.attributes.name;
      if (!name) {
        issues.add(where(img), '<image> needs a name');
        continue;
      }
      const id = hasSubsets && img.attributes.subset ? `${img.attributes.subset}/${name}` : name;
      if (mediaIds.has(id)) issues.add(where(img), `duplicate image "${id}"`);
      mediaIds.add(id);
      const width = img.attributes.width !== undefined ? num(img, 'width') : undefined;
      const height = img.attributes.height !== undefined ? num(img, 'height') : undefined;
      const mediaExtra: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(img.attributes)) if (k !== 'name' && k !== 'width' && k !== 'height') mediaExtra[k] = v;
      const annotations: Annotation[] = [];
      const unsupported: string[] = [];
      const ids = new IdPool();
      childElements(img).forEach((s, k) => {
        if (!SHAPES.has(s.name)) return issues.add(where(s), `unknown element <${s.name}> in <image>`);
        const keep = (why: string) => {
          unsupported.push(serializeXml(s, { declaration: false }).trim());
          issues.warn(where(s), `${why}; kept in media.extra.cvat.shapes`);
        };
        const rawLabel = s.attributes.label;
        if (!rawLabel) return keep(`<${s.name}> without a label`);
        const why = KEPT_SHAPES[s.name];
        if (why) {
          // Without <meta>, the label still goes to the schema, and to <meta> on export typed `any`
          // (a type that also holds the boxes or polygons it may have elsewhere).
          if (!given) {
            if (!labels.label(rawLabel)) labels.declare({ id: rawLabel }, `${where(s)} label`);
            types[rawLabel] ??= 'any';
          }
          return keep(why);
        }
        const labelName = labelOf(rawLabel);
        const kind = ({ box: 'bbox', polygon: 'polygon', skeleton: 'keypoints', tag: 'tag' } as const)[s.name as 'box'];
        const label = labels.use(labelName, kind, `${where(s)} label`);
        if (!label) return;
        const before = issues.issues.length;
        const split = attrsOf(s, label);
        const extra: Record<string, unknown> = {};
        if (split.rest) extra.attributes = split.rest;
        for (const [a, v] of Object.entries(s.attributes)) {
          if (['label', 'points', 'xtl', 'ytl', 'xbr', 'ybr', 'rotation', 'occluded', 'source'].includes(a)) continue;
          if (a === 'z_order' && v === '0') continue;
          extra[a] = v;
        }
        if (s.attributes.source !== undefined && s.attributes.source !== 'manual') extra.source = s.attributes.source;
        if (s.attributes.occluded === '1') extra.occluded = true;
        const id = ids.take(`s${k + 1}`);
        let a: Annotation | undefined;
        if (s.name === 'box') {
          const [xtl, ytl, xbr, ybr] = ['xtl', 'ytl', 'xbr', 'ybr'].map((t) => num(s, t)) as [number, number, number, number];
          const rot = s.attributes.rotation !== undefined ? num(s, 'rotation') : 0;
          if (issues.issues.length > before) return;
          if (xbr <= xtl || ybr <= ytl) return issues.add(where(s), `box must have xbr > xtl and ybr > ytl (got ${xtl},${ytl} – ${xbr},${ybr})`);
          a = { id, kind: 'bbox', label, x: xtl, y: ytl, width: xbr - xtl, height: ybr - ytl };
          if (rot) a.rotation = rot;
        } else if (s.name === 'polygon') {
          const pts = points(s);
          if (!pts) return;
          if (pts.length < 3) return issues.add(where(s), `a polygon needs at least 3 points, got ${pts.length}`);
          a = { id, kind: 'polygon', label, points: pts };
        } else if (s.name === 'skeleton') {
          const joints = labels.label(label)?.skeleton?.keypoints ?? [];
          const pts: KeypointsAnnotation['points'] = joints.map(() => ({ x: 0, y: 0, visibility: 0 }));
          for (const p of childElements(s, 'points')) {
            const j = joints.indexOf(p.attributes.label ?? '');
            if (j < 0) {
              issues.add(where(p), `"${p.attributes.label}" is not a joint of skeleton "${label}" (${joints.join(', ') || 'no joints'})`);
              continue;
            }
            const xy = points(p);
            if (!xy) continue;
            if (xy.length !== 1) {
              issues.add(where(p), `a skeleton joint has one point, got ${xy.length}`);
              continue;
            }
            pts[j] = { x: xy[0]![0], y: xy[0]![1], visibility: p.attributes.outside === '1' ? 0 : p.attributes.occluded === '1' ? 1 : 2 };
          }
          a = { id, kind: 'keypoints', label, points: pts };
        } else {
          a = { id, kind: 'tag', label };
        }
        if (issues.issues.length > before) return;
        if (split.attributes) a.attributes = split.attributes;
        if (s.attributes.source === 'auto') a.source = 'model';
        if (Object.keys(extra).length) a.extra = { cvat: extra };
        annotations.push(a);
      });
      if (unsupported.length) mediaExtra.shapes = unsupported;
      items.push({ media: { id, ...(width !== undefined ? { width } : {}), ...(height !== undefined ? { height } : {}), ...(Object.keys(mediaExtra).length ? { extra: { cvat: mediaExtra } } : {}) }, annotations });
    }
    const isVideo = childElements(root!, 'track').length > 0 || (!images.length && metaEl !== undefined && childElement(metaEl, 'source') !== undefined);
    if (isVideo) items.push(readVideo(root!, labels, issues, labelOf, attrsOf, meta.mutable));
    else for (const g of childElements(root!, 'tag')) issues.add(where(g), 'a per-frame <tag> outside a video file');
    issues.throwIfAny();
    const schema = labels.build();
    const mutable = Object.fromEntries([...meta.mutable].map(([l, ids]) => [labelOf(l), [...ids]]));
    return { dataset: { schema, items, extra: { cvat: { labelTypes: types, ...(Object.keys(mutable).length ? { mutable } : {}) } } }, warnings: issues.warnings };
  },

  serialize(dataset) {
    const losses: FormatLoss[] = [];
    const cx = (isRecord(dataset.extra?.cvat) ? dataset.extra!.cvat : {}) as { labelTypes?: Record<string, CvatLabelType>; mutable?: Record<string, string[]> };
    const known = cx.labelTypes ?? {};
    const mutable = mutableAttributes(dataset.items, cx.mutable);
    const typeOf = (id: string) => cvatTypeOf(dataset.schema, id, known);
    // A CVAT skeleton label holds only skeletons: a label's other shapes go under a companion label.
    const companions = new Map<string, string>();
    /** The CVAT label an annotation is written under. */
    const cvatLabel = (a: Annotation) => (a.kind === 'keypoints' ? a.label : (companions.get(a.label) ?? a.label));
    // <meta>
    const labelEls: XmlElement[] = [];
    for (const l of dataset.schema.labels) {
      if (!l.selectable) continue;
      const type = typeOf(l.id);
      const attrs = (l.attributes ?? []).map((a) => {
        let input = 'text';
        let values: string[] = [];
        let dflt = '';
        if (a.type === 'boolean') [input, values, dflt] = ['checkbox', ['false', 'true'], String(a.default ?? false)];
        else if (a.type === 'select') [input, values, dflt] = ['select', a.options, a.default ?? a.options[0] ?? ''];
        else if (a.type === 'number') {
          input = 'number';
          values = [String(a.min ?? -1e9), String(a.max ?? 1e9), String(a.step ?? (a.integer ? 1 : 0.001))];
          dflt = String(a.default ?? a.min ?? 0);
        } else if (a.type === 'multiselect') {
          losses.push({ path: `schema.labels[${l.id}].attributes[${a.id}]`, message: 'CVAT has no multiselect attributes; written as text (comma-separated)' });
        } else dflt = a.default ?? '';
        return el('attribute', {}, [el('name', {}, [a.id]), el('mutable', {}, [mutable.get(l.id)?.has(a.id) ? 'True' : 'False']), el('input_type', {}, [input]), el('default_value', {}, dflt ? [dflt] : []), el('values', {}, values.length ? [values.join('\n')] : [])]);
      });
      const kids: XmlNode[] = [el('name', {}, [l.id]), el('color', {}, [l.color]), el('type', {}, [type]), el('attributes', {}, attrs)];
      if (type === 'skeleton' && l.skeleton) {
        const ks = l.skeleton.keypoints;
        const svg = [
          ...(l.skeleton.edges ?? []).map(([a, b]) => `<line data-type="edge" data-node-from="${ks.indexOf(a) + 1}" data-node-to="${ks.indexOf(b) + 1}"></line>`),
          ...ks.map((k, i) => `<circle r="1.5" cx="${(i % 5) * 20 + 10}" cy="${Math.floor(i / 5) * 20 + 10}" data-type="element node" data-element-id="${i + 1}" data-node-id="${i + 1}" data-label-name="${k.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"></circle>`),
        ].join('');
        kids.push(el('svg', {}, [svg]));
      }
      if (l.name !== l.id) losses.push({ path: `schema.labels[${l.id}].name`, message: `CVAT label names are labelkit ids; display name "${l.name}" not exported` });
      labelEls.push(el('label', {}, kids));
      if (type === 'skeleton' && l.skeleton) for (const k of l.skeleton.keypoints) labelEls.push(el('label', {}, [el('name', {}, [k]), el('type', {}, ['points']), el('attributes'), el('parent', {}, [l.id])]));
      const companion = type === 'skeleton' ? companionLabel(dataset.schema, l) : undefined;
      if (companion) {
        companions.set(l.id, companion.name);
        labelEls.push(el('label', {}, [el('name', {}, [companion.name]), el('color', {}, [l.color]), el('type', {}, [companion.type]), el('attributes', {}, attrs)]));
        const n = dataset.items.reduce((sum, it) => sum + it.annotations.filter((a) => a.label === l.id && a.kind !== 'keypoints').length, 0);
        losses.push({
          path: `schema.labels[${l.id}]`,
          message: `a CVAT skeleton label holds only skeletons: the ${companion.kinds.join('/')} annotations of "${l.id}" (${n ? `${n} here` : 'none in this dataset'}) are written under an extra label "${companion.name}" (type ${companion.type}); labelkit reads them back as "${l.id}", CVAT shows them as a label of their own`,
        });
      }
    }
    const video = dataset.items.length === 1 && (dataset.items[0]!.media.frameCount !== undefined || dataset.items[0]!.annotations.some((a) => a.kind === 'track'));
    if (video) return { output: serializeXml(writeVideo(dataset.items[0]!, dataset.schema, labelEls, losses, cvatLabel)), losses };
    const out: XmlNode[] = [el('version', {}, ['1.1']), el('meta', {}, [el('task', {}, [el('labels', {}, labelEls)])])];
    dataset.items.forEach((it, i) => {
      const m = it.media;
      const mx = (isRecord(m.extra?.cvat) ? m.extra!.cvat : {}) as Record<string, unknown>;
      const name = typeof mx.subset === 'string' && m.id.startsWith(`${mx.subset}/`) ? m.id.slice(mx.subset.length + 1) : m.id;
      const attrs: Record<string, string | number | undefined> = { id: (mx.id as string | undefined) ?? i, name, width: m.width, height: m.height };
      for (const [k, v] of Object.entries(mx)) if (k !== 'shapes' && k !== 'id' && typeof v === 'string') attrs[k] = v;
      if (m.width === undefined || m.height === undefined) losses.push({ path: `items[${i}].media`, message: 'image size unknown; width/height not written' });
      const shapes: XmlNode[] = [];
      it.annotations.forEach((a, j) => {
        const path = `items[${i}].annotations[${j}]`;
        commonLosses('CVAT', a, path, { attributes: true, extra: true, source: a.source !== 'human' }, losses);
        if (a.source === 'human') losses.push({ path: `${path}.source`, message: 'CVAT writes "manual" for human shapes; read back without a source' });
        for (const k of Object.keys(a.extra ?? {})) if (k !== 'cvat') losses.push({ path: `${path}.extra.${k}`, message: `foreign fields of "${k}" not exported to CVAT` });
        const ex = (isRecord(a.extra?.cvat) ? a.extra!.cvat : {}) as Record<string, unknown>;
        const common: Record<string, string | number | undefined> = { label: cvatLabel(a) };
        if (ex.occluded) common.occluded = 1;
        const source = (ex.source as string | undefined) ?? (a.source === 'model' ? 'auto' : undefined);
        if (source) common.source = source;
        for (const [k, v] of Object.entries(ex)) if (!['attributes', 'occluded', 'source'].includes(k) && typeof v === 'string') common[k] = v;
        const allAttrs = { ...(isRecord(ex.attributes) ? ex.attributes : {}), ...(a.attributes ?? {}) } as Record<string, AttributeValue>;
        const attrKids = Object.entries(allAttrs).map(([k, v]) => el('attribute', { name: k }, [attributeToText(v)]));
        const xy = (p: Point2 | { x: number; y: number }) => (Array.isArray(p) ? `${fmt(p[0])},${fmt(p[1])}` : `${fmt(p.x)},${fmt(p.y)}`);
        if (a.kind === 'bbox') {
          shapes.push(el('box', { ...common, xtl: fmt(a.x), ytl: fmt(a.y), xbr: fmt(a.x + a.width), ybr: fmt(a.y + a.height), ...(a.rotation ? { rotation: fmt(a.rotation) } : {}) }, attrKids));
        } else if (a.kind === 'polygon') {
          if (a.holes?.length) losses.push({ path: `${path}.holes`, message: 'CVAT polygons have no holes' });
          shapes.push(el('polygon', { ...common, points: a.points.map(xy).join(';') }, attrKids));
        } else if (a.kind === 'keypoints') {
          if (!dataset.schema.byId.get(a.label)?.skeleton) {
            // Keypoints need a skeleton (core rejects them without one); written as a free point set.
            const vis = a.points.filter((p) => p.visibility > 0);
            if (vis.length < a.points.length) losses.push({ path: `${path}.points`, message: 'CVAT points shapes have no unlabelled points; visibility-0 points not exported' });
            if (new Set(vis.map((p) => p.visibility)).size > 1) losses.push({ path: `${path}.points`, message: 'CVAT points shapes are occluded as a whole; per-point visibility merged' });
            shapes.push(el('points', { ...common, ...(vis.some((p) => p.visibility === 1) ? { occluded: 1 } : {}), points: vis.map(xy).join(';') }, attrKids));
          } else {
            const joints = dataset.schema.byId.get(a.label)?.skeleton?.keypoints ?? a.points.map((_, k) => String(k + 1));
            const kids: XmlNode[] = a.points.map((p, k) => el('points', { label: joints[k], outside: p.visibility === 0 ? 1 : 0, occluded: p.visibility === 1 ? 1 : 0, points: xy(p) }));
            shapes.push(el('skeleton', { ...common, points: '' }, [...kids, ...attrKids]));
          }
        } else if (a.kind === 'tag') {
          if (a.start !== undefined) losses.push({ path, message: 'CVAT tags are on whole images; range not exported' });
          shapes.push(el('tag', common, attrKids));
        } else kindLoss('CVAT', a, path, losses);
      });
      for (const raw of Array.isArray(mx.shapes) ? (mx.shapes as string[]) : []) {
        try {
          shapes.push(parseXml(raw));
        } catch {
          losses.push({ path: `items[${i}].media.extra.cvat.shapes`, message: 'a kept shape is not valid XML; not exported' });
        }
      }
      out.push(el('image', attrs, shapes));
    });
    return { output: serializeXml(el('annotations', {}, out)), losses };
  },
};
