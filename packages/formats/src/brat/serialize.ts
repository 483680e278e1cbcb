import type { SpanAnnotation } from '@labelkit/core';
import type { Dataset, DatasetItem, FormatLoss, SerializeResult } from '../dataset.js';
import { reportAnnotationLosses, reportKindLoss, reportMediaLosses } from '../text-shared/losses.js';
import { BRAT_EXTRA, DEFAULT_BRAT_ID, type BratNormalization } from './parse.js';

/** Options of `brat.serialize`. */
export interface BratSerializeOptions {
  /**
   * `single`: `{ ann, txt }` of the first item; `files`: `{ '<id>.ann', '<id>.txt', ... }` for every item.
   * Default: `single` for a one-item dataset, else `files`.
   */
  layout?: 'single' | 'files';
}

/** Writes brat standoff: `{ ann, txt }` or file contents keyed by file name. */
export function serializeBrat(dataset: Dataset, options: BratSerializeOptions = {}): SerializeResult<Record<string, string>> {
  const layout = options.layout ?? (dataset.items.length === 1 ? 'single' : 'files');
  const losses: FormatLoss[] = [];
  const output: Record<string, string> = {};
  dataset.items.forEach((item, i) => {
    const path = `items[${i}]`;
    if (layout === 'single' && i > 0) {
      losses.push({ path, message: 'layout "single" writes only the first item' });
      return;
    }
    const ann = writeDocument(item, path, losses);
    if (layout === 'single') Object.assign(output, { ann, txt: item.media.text ?? '' });
    else {
      output[`${item.media.id}.ann`] = ann;
      output[`${item.media.id}.txt`] = item.media.text ?? '';
    }
  });
  return { output, losses };
}

function writeDocument(item: DatasetItem, path: string, losses: FormatLoss[]): string {
  const { media } = item;
  if (media.text === undefined) losses.push({ path: `${path}.media.text`, message: 'brat needs the item text; an empty .txt is written' });
  reportMediaLosses(media, path, ['text', 'extra'], losses, 'brat');
  const kept = Array.isArray(media.extra?.bratLines) ? (media.extra.bratLines as unknown[]).filter((l): l is string => typeof l === 'string') : [];
  for (const k of Object.keys(media.extra ?? {})) {
    if (k !== 'bratLines') losses.push({ path: `${path}.media.extra.${k}`, message: `brat cannot carry media.extra.${k}` });
  }
  // Ids already taken: kept lines keep theirs; spans keep `T<n>` ids (so kept relations still point at them).
  const used = new Set(kept.map((l) => l.split('\t')[0]!));
  const groups = new Map<string, { spans: { a: SpanAnnotation; j: number }[]; id?: string }>();
  item.annotations.forEach((a, j) => {
    const p = `${path}.annotations[${j}]`;
    if (a.kind !== 'span') return reportKindLoss(a, p, losses, 'brat', 'span annotations');
    const bratId = typeof a.extra?.bratId === 'string' ? a.extra.bratId : undefined;
    const key = bratId && /^T\d+$/.test(bratId) ? `${bratId}\u0000${a.label}` : `\u0001${j}`;
    const g = groups.get(key) ?? { spans: [] };
    g.spans.push({ a, j });
    groups.set(key, g);
  });
  for (const g of groups.values()) {
    const first = g.spans[0]!.a;
    const wanted = typeof first.extra?.bratId === 'string' ? first.extra.bratId : first.id;
    if (/^T\d+$/.test(wanted) && !used.has(wanted)) {
      g.id = wanted;
      used.add(wanted);
    }
  }
  const next = (prefix: string): string => {
    let n = 1;
    while (used.has(`${prefix}${n}`)) n++;
    used.add(`${prefix}${n}`);
    return `${prefix}${n}`;
  };

  const tLines: string[] = [];
  const aLines: string[] = [];
  for (const g of groups.values()) {
    g.id ??= next('T');
    const { a, j } = g.spans[0]!;
    const p = `${path}.annotations[${j}]`;
    const spans = g.spans.map((s) => s.a).sort((x, y) => x.start - y.start);
    reportAnnotationLosses(a, p, { attributes: true, extra: true }, losses, 'brat');
    let label = a.label;
    if (/\s/.test(label)) {
      label = label.replace(/\s+/g, '_');
      losses.push({ path: `${p}.label`, message: `brat types cannot contain spaces; written as "${label}"` });
    }
    const ranges = spans.map((s) => `${s.start} ${s.end}`).join(';');
    const texts = spans.map((s) => s.text.replace(/[\r\n\t]/g, ' ')).join(' ');
    tLines.push(`${g.id}\t${label} ${ranges}\t${texts}`);
    for (const [name, value] of Object.entries(a.attributes ?? {})) {
      const ap = `${p}.attributes.${name}`;
      if (/\s/.test(name) || !name) losses.push({ path: ap, message: 'brat attribute names cannot contain spaces; not written' });
      else if (value === true) aLines.push(`${next('A')}\t${name} ${g.id}`);
      else if (typeof value === 'string' && value && !/\s/.test(value)) aLines.push(`${next('A')}\t${name} ${g.id} ${value}`);
      else losses.push({ path: ap, message: `brat attributes are flags or single-word values; ${JSON.stringify(value)} is not written` });
    }
    for (const n of (a.extra?.normalizations as BratNormalization[] | undefined) ?? []) {
      aLines.push(`${next('N')}\t${n.type} ${g.id} ${n.ref}\t${n.text}`);
    }
    for (const note of (a.extra?.notes as string[] | undefined) ?? []) {
      aLines.push(`${next('#')}\tAnnotatorNotes ${g.id}\t${note.replace(/[\r\n]+/g, ' ')}`);
    }
    const others = Object.keys(a.extra ?? {}).filter((k) => !(BRAT_EXTRA as readonly string[]).includes(k));
    if (others.length) losses.push({ path: `${p}.extra`, message: `brat cannot carry extra fields (${others.join(', ')})` });
  }
  // Kept relations/events must still point at written ids.
  const written = new Set([...used]);
  kept.forEach((line, k) => {
    const refs = line.split('\t')[1]?.match(/\b[TERAN]\d+\b/g) ?? [];
    const missing = refs.filter((r) => !written.has(r));
    if (missing.length) losses.push({ path: `${path}.media.extra.bratLines[${k}]`, message: `refers to ${missing.join(', ')}, which the item no longer has` });
  });
  const all = [...tLines, ...aLines, ...kept];
  return all.length ? `${all.join('\n')}\n` : '';
}

export { DEFAULT_BRAT_ID };
