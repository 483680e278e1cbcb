import type { Annotation, LabelSchema } from '@labelkit/core';
import type { DatasetItem, Format, FormatLoss, Media } from '../dataset.js';
import { IdPool } from '../shared/ids.js';
import { IssueList, at, describe, isRecord } from '../shared/issues.js';
import { readJson, writeJson } from '../shared/json-input.js';
import { LabelSet } from '../shared/labels.js';
import { commonLosses, kindLoss } from '../shared/losses.js';
import { fmt, parseNumberToken } from '../shared/numbers.js';
import { readSvg, writeSvg } from './svg.js';

export interface W3cParseOptions {
  /** Map tags to this schema's labels instead of inferring them. */
  schema?: LabelSchema;
  /** Source texts by target `source`, to check and locate text selectors. */
  texts?: Record<string, string>;
  /** Image sizes by target `source`, for `xywh=percent:` fragments. */
  images?: Record<string, { width: number; height: number }>;
}

export interface W3cSerializeOptions {
  /** `array` (default, as Annotorious/Recogito exchange them) or an `AnnotationPage`. */
  container?: 'array' | 'page';
  pretty?: boolean;
}

type Json = Record<string, unknown>;
const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const MEDIA_FRAGS = 'http://www.w3.org/TR/media-frags/';
const KNOWN = new Set(['@context', 'id', 'type', 'body', 'target']);

const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** W3C Web Annotation JSON-LD: Fragment (xywh, t), Svg, TextPosition + TextQuote selectors; label = the tagging body. */
export const w3c: Format<string | object, string, W3cParseOptions, W3cSerializeOptions> = {
  name: 'w3c',
  parse(input, options = {}) {
    const issues = new IssueList('w3c');
    const doc = readJson('w3c', input);
    let list: unknown[];
    let base = '';
    if (Array.isArray(doc)) list = doc;
    else if (isRecord(doc) && (doc.type === 'AnnotationPage' || Array.isArray(doc.items))) {
      list = asArray(doc.items);
      base = 'items';
    } else if (isRecord(doc) && doc.type === 'AnnotationCollection') {
      list = isRecord(doc.first) ? asArray(doc.first.items) : [];
      base = 'first.items';
    } else list = [doc];
    const labels = new LabelSet(issues, options.schema);
    const items = new Map<string, DatasetItem>();
    const ids = new Map<string, IdPool>();
    list.forEach((a, i) => {
      const path = base ? at(base, i) : Array.isArray(doc) ? `[${i}]` : '(root)';
      if (!isRecord(a)) return issues.add(path, `expected an annotation object, got ${describe(a)}`);
      if (a.type !== 'Annotation' && !(Array.isArray(a.type) && a.type.includes('Annotation'))) issues.add(`${path}.type`, `expected "Annotation", got ${describe(a.type)}`);
      const target = Array.isArray(a.target) ? a.target[0] : a.target;
      if (Array.isArray(a.target) && a.target.length > 1) issues.warn(`${path}.target`, 'only the first target is imported; the others are kept in extra');
      const source = typeof target === 'string' ? target : isRecord(target) ? (typeof target.source === 'string' ? target.source : isRecord(target.source) && typeof target.source.id === 'string' ? target.source.id : undefined) : undefined;
      if (source === undefined) return issues.add(`${path}.target`, 'expected a target with a "source"');
      // Label: the first tagging/classifying body (or the first TextualBody).
      const bodies = asArray(a.body);
      const isTag = (b: unknown) => isRecord(b) && (b.purpose === 'tagging' || b.purpose === 'classifying') && typeof b.value === 'string';
      const tagBody = (bodies.find(isTag) ?? bodies.find((b) => isRecord(b) && b.type === 'TextualBody' && typeof b.value === 'string')) as Json | undefined;
      if (!tagBody) return issues.add(`${path}.body`, 'no tagging body ({ "type": "TextualBody", "purpose": "tagging", "value": "<label>" })');
      const otherBodies = bodies.filter((b) => b !== tagBody);
      const extra: Json = {};
      for (const [k, v] of Object.entries(a)) if (!KNOWN.has(k)) extra[k] = v;
      if (otherBodies.length) extra.body = otherBodies;
      if (Array.isArray(a.target) && a.target.length > 1) extra.targets = a.target.slice(1);
      if (isRecord(tagBody) && tagBody.purpose === 'classifying') extra.purpose = 'classifying';
      let item = items.get(source);
      if (!item) {
        const media: Media = { id: source };
        const text = options.texts?.[source];
        if (text !== undefined) media.text = text;
        const size = options.images?.[source];
        if (size) Object.assign(media, size);
        item = { media, annotations: [] };
        items.set(source, item);
        ids.set(source, new IdPool());
      }
      const rawId = typeof a.id === 'string' ? a.id.replace(/^#/, '') : `a${i + 1}`;
      const id = ids.get(source)!.take(rawId);
      const selectors = isRecord(target) ? asArray(target.selector) : [];
      const spath = `${path}.target.selector`;
      const name = tagBody.value as string;
      const add = (ann: Annotation) => {
        if (Object.keys(extra).length) ann.extra = { w3c: extra };
        item!.annotations.push(ann);
      };
      const frag = selectors.find((s) => isRecord(s) && s.type === 'FragmentSelector') as Json | undefined;
      const svg = selectors.find((s) => isRecord(s) && s.type === 'SvgSelector') as Json | undefined;
      const pos = selectors.find((s) => isRecord(s) && s.type === 'TextPositionSelector') as Json | undefined;
      const quote = selectors.find((s) => isRecord(s) && s.type === 'TextQuoteSelector') as Json | undefined;
      const unknown = selectors.filter((s) => ![frag, svg, pos, quote].includes(s as Json));
      if (unknown.length) extra.selectors = unknown;
      if (frag) {
        const v = String(frag.value ?? '');
        const xywh = /^xywh=(?:(pixel|percent):)?(.*)$/.exec(v);
        const t = /^t=(?:npt:)?([^,]*),?(.*)$/.exec(v);
        if (xywh) {
          const nums = xywh[2]!.split(',').map(parseNumberToken);
          if (nums.length !== 4 || nums.some((n) => n === undefined) || !(nums[2]! > 0) || !(nums[3]! > 0)) return issues.add(`${spath}.value`, `expected xywh=pixel:x,y,w,h with positive w, h, got "${v}"`);
          let [x, y, w, h] = nums as number[];
          if (xywh[1] === 'percent') {
            const size = options.images?.[source];
            if (!size) return issues.add(`${spath}.value`, `percent fragment needs options.images["${source}"]`);
            [x, y, w, h] = [(x! / 100) * size.width, (y! / 100) * size.height, (w! / 100) * size.width, (h! / 100) * size.height];
          }
          const label = labels.use(name, 'bbox', `${path}.body`);
          if (label) add({ id, kind: 'bbox', label, x: x!, y: y!, width: w!, height: h! });
        } else if (t) {
          const s = t[1] === '' ? 0 : parseNumberToken(t[1]!);
          const e = t[2] === '' ? undefined : parseNumberToken(t[2]!);
          if (s === undefined || e === undefined || e <= s) return issues.add(`${spath}.value`, `expected t=start,end seconds, got "${v}"`);
          const label = labels.use(name, 'segment', `${path}.body`);
          if (label) add({ id, kind: 'segment', label, start: s, end: e });
        } else issues.add(`${spath}.value`, `unsupported fragment "${v}" (xywh= or t=)`);
      } else if (svg) {
        const read = readSvg(String(svg.value ?? ''));
        if (typeof read === 'string') return issues.add(`${spath}.value`, read);
        for (const w of read.warnings) issues.warn(`${spath}.value`, w);
        // Several shapes (Annotorious's multipolygons: a <g> of paths) become one annotation each.
        const partIds = read.shapes.map((_, k) => (k === 0 ? id : ids.get(source)!.take(`${rawId}-${k + 1}`)));
        if (partIds.length > 1) issues.warn(`${spath}.value`, `${partIds.length} shapes (a multipolygon) imported as ${partIds.length} annotations (${partIds.map((p) => `"${p}"`).join(', ')}); they are exported separately`);
        read.shapes.forEach((shape, k) => {
          const partId = partIds[k]!;
          if (shape.kind === 'bbox') {
            const label = labels.use(name, 'bbox', `${path}.body`);
            if (label) add({ id: partId, kind: 'bbox', label, ...shape.box });
          } else {
            const label = labels.use(name, 'polygon', `${path}.body`);
            if (label) add({ id: partId, kind: 'polygon', label, points: shape.points, ...(shape.holes ? { holes: shape.holes } : {}) });
          }
        });
      } else if (pos || quote) {
        const text = item.media.text;
        const cps = text !== undefined ? Array.from(text) : undefined;
        let start: number | undefined;
        let end: number | undefined;
        if (pos) {
          if (!Number.isInteger(pos.start) || !Number.isInteger(pos.end) || (pos.end as number) < (pos.start as number)) return issues.add(spath, `TextPositionSelector needs integer start <= end, got ${describe(pos.start)}, ${describe(pos.end)}`);
          [start, end] = [pos.start as number, pos.end as number];
        }
        const exact = quote && typeof quote.exact === 'string' ? quote.exact : undefined;
        if (start === undefined && exact !== undefined && cps) {
          // Locate the quote (with prefix/suffix) in the text.
          const prefix = typeof quote!.prefix === 'string' ? quote!.prefix : '';
          const suffix = typeof quote!.suffix === 'string' ? quote!.suffix : '';
          const hits: number[] = [];
          for (let k = text!.indexOf(prefix + exact + suffix); k >= 0; k = text!.indexOf(prefix + exact + suffix, k + 1)) hits.push(k + prefix.length);
          if (!hits.length) return issues.add(spath, `quote "${exact}" not found in the text`);
          if (hits.length > 1) issues.warn(spath, `quote "${exact}" occurs ${hits.length} times; the first was used`);
          start = Array.from(text!.slice(0, hits[0])).length;
          end = start + Array.from(exact).length;
        }
        if (start === undefined || end === undefined) return issues.add(spath, 'a TextQuoteSelector alone needs the source text (options.texts)');
        let spanText: string;
        if (cps) {
          if (end > cps.length) return issues.add(spath, `span [${start}, ${end}) is outside the text (${cps.length} code points)`);
          spanText = cps.slice(start, end).join('');
          if (exact !== undefined && exact !== spanText) issues.add(`${spath}`, `TextQuoteSelector "${exact}" does not match the text at [${start}, ${end}) ("${spanText}")`);
        } else if (exact !== undefined) {
          spanText = exact;
          if (Array.from(exact).length !== end - start) issues.add(spath, `quote "${exact}" has ${Array.from(exact).length} code points but the position spans ${end - start}`);
        } else return issues.add(spath, 'a TextPositionSelector without a quote needs the source text (options.texts)');
        const label = labels.use(name, 'span', `${path}.body`);
        if (label) add({ id, kind: 'span', label, start, end, text: spanText });
      } else if (selectors.length === 0) {
        const label = labels.use(name, 'tag', `${path}.body`);
        if (label) add({ id, kind: 'tag', label });
      } else issues.add(spath, 'no supported selector (FragmentSelector, SvgSelector, TextPositionSelector, TextQuoteSelector)');
    });
    issues.throwIfAny();
    return { dataset: { schema: labels.build(), items: [...items.values()] }, warnings: issues.warnings };
  },

  serialize(dataset, options = {}) {
    const losses: FormatLoss[] = [];
    const out: Json[] = [];
    dataset.items.forEach((it, i) => {
      const m = it.media;
      if (!it.annotations.length) losses.push({ path: `items[${i}]`, message: 'W3C annotations only exist on targets; an item without annotations is not exported' });
      const source = m.uri ?? m.id;
      if (m.uri && m.uri !== m.id) losses.push({ path: `items[${i}].media.id`, message: `the target source is the uri; media id "${m.id}" not exported` });
      it.annotations.forEach((a, j) => {
        const path = `items[${i}].annotations[${j}]`;
        commonLosses('W3C', a, path, { id: true, extra: true }, losses);
        const ex = (isRecord(a.extra?.w3c) ? { ...(a.extra!.w3c as Json) } : {}) as Json;
        for (const k of Object.keys(a.extra ?? {})) if (k !== 'w3c') losses.push({ path: `${path}.extra.${k}`, message: `foreign fields of "${k}" not exported to W3C` });
        const { body: otherBodies, targets, purpose, selectors: moreSelectors, ...rest } = ex;
        let selector: unknown;
        if (a.kind === 'bbox') {
          selector = a.rotation
            ? { type: 'SvgSelector', value: writeSvg({ kind: 'bbox', box: a }) }
            : { type: 'FragmentSelector', conformsTo: MEDIA_FRAGS, value: `xywh=pixel:${fmt(a.x)},${fmt(a.y)},${fmt(a.width)},${fmt(a.height)}` };
        } else if (a.kind === 'polygon') {
          selector = { type: 'SvgSelector', value: writeSvg({ kind: 'polygon', points: a.points, ...(a.holes?.length ? { holes: a.holes } : {}) }) };
        } else if (a.kind === 'span') {
          const cps = m.text !== undefined ? Array.from(m.text) : undefined;
          const quote: Json = { type: 'TextQuoteSelector', exact: a.text };
          if (cps) {
            quote.prefix = cps.slice(Math.max(0, a.start - 32), a.start).join('');
            quote.suffix = cps.slice(a.end, a.end + 32).join('');
          }
          selector = [{ type: 'TextPositionSelector', start: a.start, end: a.end }, quote];
        } else if (a.kind === 'segment') {
          if (a.channel !== undefined) losses.push({ path: `${path}.channel`, message: 'media fragments have no channel' });
          if (a.text !== undefined) losses.push({ path: `${path}.text`, message: 'segment transcript not exported' });
          selector = { type: 'FragmentSelector', conformsTo: MEDIA_FRAGS, value: `t=${fmt(a.start)},${fmt(a.end)}` };
        } else if (a.kind === 'tag') {
          if (a.start !== undefined || a.end !== undefined) losses.push({ path, message: 'tag range not exported (whole-item tags only)' });
        } else return kindLoss('W3C', a, path, losses);
        if (Array.isArray(moreSelectors)) selector = [...asArray(selector), ...moreSelectors];
        const target: Json = { source };
        if (selector !== undefined) target.selector = selector;
        const anno: Json = {
          '@context': CONTEXT,
          id: /^[a-z][a-z0-9+.-]*:/i.test(a.id) ? a.id : `#${a.id}`,
          type: 'Annotation',
          ...rest,
          body: [{ type: 'TextualBody', purpose: purpose ?? 'tagging', value: a.label }, ...asArray(otherBodies)],
          target: Array.isArray(targets) ? [target, ...targets] : target,
        };
        out.push(anno);
      });
    });
    const doc = options.container === 'page' ? { '@context': CONTEXT, type: 'AnnotationPage', items: out } : out;
    return { output: options.pretty === false ? JSON.stringify(doc) : writeJson(doc), losses };
  },
};


