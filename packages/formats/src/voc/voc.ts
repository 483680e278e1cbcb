import type { Annotation, AttributeValue, LabelSchema } from '@labelkit/core';
import type { DatasetItem, Format, FormatLoss } from '../dataset.js';
import { stripExtension, type FileSet } from '../shared/files.js';
import { IdPool } from '../shared/ids.js';
import { IssueList, isRecord } from '../shared/issues.js';
import { LabelSet, attributeFromText, attributeToText } from '../shared/labels.js';
import { commonLosses, kindLoss } from '../shared/losses.js';
import { fmt, parseNumberToken } from '../shared/numbers.js';
import { childElement, childElements, childText, el, parseXml, serializeXml, textContent, XmlError, type XmlElement, type XmlNode } from '../shared/xml.js';

export interface VocParseOptions {
  /** Map object names to this schema's labels instead of inferring them. */
  schema?: LabelSchema;
}

export type VocSerializeOptions = object;

/** Object flags read as boolean attributes (0/1 in the file). */
const FLAGS = ['truncated', 'difficult', 'occluded'] as const;
const OBJECT_KNOWN = new Set(['name', 'bndbox', 'pose', ...FLAGS, 'attributes']);

/** An element as plain JSON (text, or an object of children; repeated children become arrays). */
export function xmlToJson(e: XmlElement): unknown {
  const kids = childElements(e);
  if (!kids.length) return textContent(e).trim();
  const out: Record<string, unknown> = {};
  for (const k of kids) {
    const v = xmlToJson(k);
    if (k.name in out) {
      const prev = out[k.name];
      out[k.name] = Array.isArray(prev) ? [...prev, v] : [prev, v];
    } else out[k.name] = v;
  }
  return out;
}

/** The reverse of {@link xmlToJson}. */
export function jsonToXml(name: string, v: unknown): XmlElement[] {
  if (Array.isArray(v)) return v.flatMap((x) => jsonToXml(name, x));
  if (isRecord(v)) return [el(name, {}, Object.entries(v).flatMap(([k, x]) => jsonToXml(k, x)))];
  return [el(name, {}, v === '' || v === undefined ? [] : [String(v)])];
}

/** Pascal VOC XML, one file per image. Pixels are 1-based and inclusive: `xmin=1, xmax=W` is the full width. */
export const voc: Format<string | FileSet, FileSet, VocParseOptions, VocSerializeOptions> = {
  name: 'voc',
  parse(input, options = {}) {
    const issues = new IssueList('voc');
    const files: FileSet = typeof input === 'string' ? { 'annotation.xml': input } : input;
    const labels = new LabelSet(issues, options.schema);
    const items: DatasetItem[] = [];
    const mediaIds = new Set<string>();
    for (const [file, text] of Object.entries(files)) {
      if (!/\.xml$/i.test(file)) continue;
      let root: XmlElement;
      try {
        root = parseXml(text);
      } catch (e) {
        if (e instanceof XmlError) {
          issues.add(`${file} line ${e.line}`, e.message.replace(/^line \d+, /, ''));
          continue;
        }
        throw e;
      }
      if (root.name !== 'annotation') {
        issues.add(`${file} line ${root.line}`, `expected <annotation> as the root, got <${root.name}>`);
        continue;
      }
      const where = (e: XmlElement) => `${file} line ${e.line}`;
      const filename = childText(root, 'filename') || stripExtension(file.slice(file.lastIndexOf('/') + 1)) + '.jpg';
      if (mediaIds.has(filename)) issues.add(where(root), `duplicate image "${filename}"`);
      mediaIds.add(filename);
      const sizeEl = childElement(root, 'size');
      const num = (e: XmlElement, tag: string, required: boolean): number | undefined => {
        const t = childText(e, tag);
        if (t === undefined || t === '') {
          if (required) issues.add(where(e), `<${e.name}> needs <${tag}>`);
          return undefined;
        }
        const n = parseNumberToken(t);
        if (n === undefined) issues.add(`${where(childElement(e, tag)!)}`, `<${tag}> must be a number, got "${t}"`);
        return n;
      };
      const width = sizeEl ? num(sizeEl, 'width', false) : undefined;
      const height = sizeEl ? num(sizeEl, 'height', false) : undefined;
      const mediaExtra: Record<string, unknown> = {};
      for (const c of childElements(root)) {
        if (c.name === 'object' || c.name === 'filename') continue;
        if (c.name === 'size') {
          const rest = xmlToJson(c) as Record<string, unknown>;
          delete rest.width;
          delete rest.height;
          if (Object.keys(rest).length) mediaExtra.size = rest;
        } else mediaExtra[c.name] = xmlToJson(c);
      }
      const annotations: Annotation[] = [];
      const ids = new IdPool();
      childElements(root, 'object').forEach((o, k) => {
        const name = childText(o, 'name');
        if (!name) return issues.add(where(o), '<object> needs a <name>');
        const bb = childElement(o, 'bndbox');
        if (!bb) return issues.add(where(o), `<object> "${name}" needs a <bndbox>`);
        const before = issues.issues.length;
        const [xmin, ymin, xmax, ymax] = (['xmin', 'ymin', 'xmax', 'ymax'] as const).map((t) => num(bb, t, true));
        if (issues.issues.length > before) return;
        if (xmax! < xmin! || ymax! < ymin!) return issues.add(where(bb), `xmax/ymax must not be below xmin/ymin (got ${xmin},${ymin} – ${xmax},${ymax})`);
        if (![xmin, ymin, xmax, ymax].every((v) => Number.isInteger(v))) issues.warn(where(bb), 'non-integer VOC pixel coordinates read as they are');
        let x = xmin! - 1;
        let y = ymin! - 1;
        if (x < 0 || y < 0) {
          issues.warn(where(bb), `xmin/ymin of 0 are outside 1-based VOC pixels (a 0-based exporter?); the box starts at the image edge`);
          x = Math.max(0, x);
          y = Math.max(0, y);
        }
        const label = labels.use(name, 'bbox', `${where(o)} <name>`);
        if (label === undefined) return;
        const values: Record<string, AttributeValue> = {};
        const defs = labels.label(label)?.attributes ?? [];
        for (const f of FLAGS) {
          const t = childText(o, f);
          if (t !== undefined && t !== '') values[f] = t === '1' || t === 'true';
        }
        const pose = childText(o, 'pose');
        if (pose !== undefined && pose !== '') values.pose = pose;
        // CVAT's VOC extension: <attributes><attribute><name>..</name><value>..</value></attribute></attributes>.
        for (const a of childElements(childElement(o, 'attributes') ?? el('x'), 'attribute')) {
          const an = childText(a, 'name');
          if (an) {
            const ve = childElement(a, 'value');
            values[an] = attributeFromText(defs.find((d) => d.id === an), ve ? textContent(ve) : '');
          }
        }
        const extra: Record<string, unknown> = {};
        for (const c of childElements(o)) if (!OBJECT_KNOWN.has(c.name)) extra[c.name] = Array.isArray(extra[c.name]) ? [...(extra[c.name] as unknown[]), xmlToJson(c)] : extra[c.name] !== undefined ? [extra[c.name], xmlToJson(c)] : xmlToJson(c);
        const split = labels.attributes(label, values);
        if (split.rest) extra.attributes = split.rest;
        const ann: Annotation = { id: ids.take(`o${k + 1}`), kind: 'bbox', label, x, y, width: xmax! - x, height: ymax! - y };
        if (split.attributes) ann.attributes = split.attributes;
        if (Object.keys(extra).length) ann.extra = { voc: extra };
        annotations.push(ann);
      });
      items.push({
        media: { id: filename, ...(width !== undefined ? { width } : {}), ...(height !== undefined ? { height } : {}), ...(Object.keys(mediaExtra).length ? { extra: { voc: mediaExtra } } : {}) },
        annotations,
      });
    }
    issues.throwIfAny();
    return { dataset: { schema: labels.build(), items }, warnings: issues.warnings };
  },

  serialize(dataset) {
    const losses: FormatLoss[] = [];
    const output: FileSet = {};
    dataset.items.forEach((it, i) => {
      const m = it.media;
      const mx = (isRecord(m.extra?.voc) ? m.extra!.voc : {}) as Record<string, unknown>;
      const kids: XmlNode[] = [];
      const { size: sizeExtra, ...rest } = mx;
      for (const [k, v] of Object.entries(rest)) if (k === 'folder' || k === 'path' || k === 'source') kids.push(...jsonToXml(k, v));
      kids.push(el('filename', {}, [m.id]));
      if (m.width === undefined || m.height === undefined) losses.push({ path: `items[${i}].media`, message: 'image size unknown; <size> written without width/height' });
      const size = el('size', {}, [
        ...(m.width !== undefined ? [el('width', {}, [fmt(m.width)])] : []),
        ...(m.height !== undefined ? [el('height', {}, [fmt(m.height)])] : []),
        ...(isRecord(sizeExtra) ? Object.entries(sizeExtra).flatMap(([k, v]) => jsonToXml(k, v)) : [el('depth', {}, ['3'])]),
      ]);
      kids.push(size);
      for (const [k, v] of Object.entries(rest)) if (k !== 'folder' && k !== 'path' && k !== 'source') kids.push(...jsonToXml(k, v));
      it.annotations.forEach((a, j) => {
        const path = `items[${i}].annotations[${j}]`;
        if (a.kind !== 'bbox') return kindLoss('VOC', a, path, losses);
        commonLosses('VOC', a, path, { attributes: true, extra: true }, losses);
        if (a.rotation) losses.push({ path: `${path}.rotation`, message: `VOC boxes are axis-aligned; rotation ${a.rotation}° dropped` });
        const x0 = Math.round(a.x) + 1;
        const y0 = Math.round(a.y) + 1;
        const x1 = Math.round(a.x + a.width);
        const y1 = Math.round(a.y + a.height);
        if (x0 - 1 !== a.x || y0 - 1 !== a.y || x1 !== a.x + a.width || y1 !== a.y + a.height) losses.push({ path, message: 'VOC pixels are integers; box rounded to whole pixels' });
        const attrs = { ...(a.attributes ?? {}) };
        const ox = (isRecord(a.extra?.voc) ? a.extra!.voc : {}) as Record<string, unknown>;
        if (isRecord(ox.attributes)) Object.assign(attrs, ox.attributes);
        const o: XmlNode[] = [el('name', {}, [a.label])];
        if (typeof attrs.pose === 'string') o.push(el('pose', {}, [attrs.pose]));
        for (const f of FLAGS) if (typeof attrs[f] === 'boolean') o.push(el(f, {}, [attrs[f] ? '1' : '0']));
        o.push(el('bndbox', {}, [el('xmin', {}, [String(x0)]), el('ymin', {}, [String(y0)]), el('xmax', {}, [String(Math.max(x1, x0))]), el('ymax', {}, [String(Math.max(y1, y0))])]));
        for (const [k, v] of Object.entries(ox)) if (k !== 'attributes') o.push(...jsonToXml(k, v));
        const other = Object.entries(attrs).filter(([k, v]) => !(k === 'pose' && typeof v === 'string') && !((FLAGS as readonly string[]).includes(k) && typeof v === 'boolean'));
        if (other.length) o.push(el('attributes', {}, other.map(([k, v]) => el('attribute', {}, [el('name', {}, [k]), el('value', {}, [attributeToText(v as AttributeValue)])]))));
        for (const k of Object.keys(a.extra ?? {})) if (k !== 'voc') losses.push({ path: `${path}.extra.${k}`, message: `foreign fields of "${k}" not exported to VOC` });
        kids.push(el('object', {}, o));
      });
      let file = `${stripExtension(m.id)}.xml`;
      for (let n = 2; file in output; n++) file = `${stripExtension(m.id)}_${n}.xml`;
      output[file] = serializeXml(el('annotation', {}, kids), { declaration: false });
    });
    return { output, losses };
  },
};
