import type { SegmentAnnotation } from '@labelkit/core';
import type { Dataset, FormatLoss, SerializeResult } from '../dataset.js';
import { reportAnnotationLosses, reportKindLoss, reportMediaLosses } from '../text-shared/losses.js';
import type { TextGridExtra, TextGridTier } from './parse.js';

/** Options of `textGrid.serialize`. */
export interface TextGridSerializeOptions {
  /** Praat's `long` text form (default, with `name = value` keys) or its `short` value-only form. */
  form?: 'long' | 'short';
}

/** Writes a Praat TextGrid (a string; encode it as UTF-8, or UTF-16 for old Praat versions). */
export function serializeTextGrid(dataset: Dataset, options: TextGridSerializeOptions = {}): SerializeResult<string> {
  const long = (options.form ?? 'long') === 'long';
  const losses: FormatLoss[] = [];
  dataset.items.slice(1).forEach((_, k) => losses.push({ path: `items[${k + 1}]`, message: 'a TextGrid file holds one item; serialize each item separately' }));
  const item = dataset.items[0] ?? { media: { id: 'document' }, annotations: [] };
  const { media } = item;
  reportMediaLosses(media, 'items[0]', ['duration', 'extra'], losses, 'textGrid');
  for (const k of Object.keys(media.extra ?? {})) if (k !== 'textGrid') losses.push({ path: `items[0].media.extra.${k}`, message: `textGrid cannot carry media.extra.${k}` });
  const extra = (media.extra?.textGrid ?? {}) as TextGridExtra;

  const byLabel = new Map<string, { a: SegmentAnnotation; j: number }[]>();
  let maxEnd = 0;
  item.annotations.forEach((a, j) => {
    const p = `items[0].annotations[${j}]`;
    if (a.kind !== 'segment') return reportKindLoss(a, p, losses, 'textGrid', 'segment annotations');
    reportAnnotationLosses(a, p, {}, losses, 'textGrid');
    if (a.channel !== undefined) losses.push({ path: `${p}.channel`, message: 'textGrid cannot carry an audio channel' });
    if (!a.text) losses.push({ path: `${p}.text`, message: 'a segment without text is an empty interval, which reads back as a gap' });
    maxEnd = Math.max(maxEnd, a.end);
    const list = byLabel.get(a.label) ?? [];
    list.push({ a, j });
    byLabel.set(a.label, list);
  });
  const xmin = extra.xmin ?? 0;
  const xmax = media.duration ?? maxEnd;
  if (maxEnd > xmax) losses.push({ path: 'items[0].media.duration', message: `segments end after the duration; the grid ends at ${maxEnd}` });
  const gridMax = Math.max(xmax, maxEnd);

  const tiers: TextGridTier[] = (extra.tiers ?? []).map((t) => ({ ...t }));
  for (const label of byLabel.keys()) {
    if (!tiers.some((t) => t.class === 'IntervalTier' && t.name === label)) tiers.push({ class: 'IntervalTier', name: label, xmin, xmax: gridMax });
  }
  const seenNames = new Set<string>();
  const blocks = tiers.map((tier) => {
    const head: [string, string] = [`"${tier.class}"`, q(tier.name)];
    if (tier.class === 'TextTier') {
      const pts = tier.points ?? [];
      return { tier, head, count: pts.length, rows: pts.map((p): [string, string][] => [['number', num(p.time)], ['mark', q(p.mark)]]) };
    }
    const segs = seenNames.has(tier.name) ? [] : (byLabel.get(tier.name) ?? []).slice().sort((x, y) => x.a.start - y.a.start);
    seenNames.add(tier.name);
    const lo = Math.min(tier.xmin, ...segs.map((s) => s.a.start));
    const hi = Math.max(tier.xmax, ...segs.map((s) => s.a.end));
    tier.xmin = lo;
    tier.xmax = hi;
    const rows: [string, string][][] = [];
    let cursor = lo;
    for (const { a, j } of segs) {
      if (a.start < cursor - 1e-12) {
        losses.push({ path: `items[0].annotations[${j}]`, message: `overlaps an earlier segment of tier "${tier.name}"; interval tiers cannot overlap, not written` });
        continue;
      }
      if (a.start > cursor) rows.push(interval(cursor, a.start, ''));
      rows.push(interval(a.start, a.end, a.text ?? ''));
      cursor = a.end;
    }
    if (cursor < hi) rows.push(interval(cursor, hi, ''));
    if (!rows.length) rows.push(interval(lo, hi > lo ? hi : lo + 1, ''));
    return { tier, head, count: rows.length, rows };
  });
  const out: string[] = ['File type = "ooTextFile"', 'Object class = "TextGrid"', ''];
  const fileMax = Math.max(gridMax, ...tiers.map((t) => t.xmax));
  const fileMin = Math.min(xmin, ...tiers.map((t) => t.xmin));
  if (long) {
    out.push(`xmin = ${num(fileMin)} `, `xmax = ${num(fileMax)} `, `tiers? ${tiers.length ? '<exists>' : '<absent>'} `);
    if (tiers.length) out.push(`size = ${tiers.length} `, 'item []: ');
    blocks.forEach((b, t) => {
      const kind = b.tier.class === 'TextTier' ? 'points' : 'intervals';
      out.push(`    item [${t + 1}]:`, `        class = ${b.head[0]} `, `        name = ${b.head[1]} `, `        xmin = ${num(b.tier.xmin)} `, `        xmax = ${num(b.tier.xmax)} `, `        ${kind}: size = ${b.count} `);
      b.rows.forEach((r, k) => {
        out.push(`        ${kind} [${k + 1}]:`);
        for (const [key, value] of r) out.push(`            ${key} = ${value} `);
      });
    });
  } else {
    out.push(num(fileMin), num(fileMax), tiers.length ? '<exists>' : '<absent>');
    if (tiers.length) out.push(String(tiers.length));
    for (const b of blocks) {
      out.push(...b.head, num(b.tier.xmin), num(b.tier.xmax), String(b.count));
      for (const r of b.rows) for (const [, value] of r) out.push(value);
    }
  }
  return { output: `${out.join('\n')}\n`, losses };
}

function interval(start: number, end: number, text: string): [string, string][] {
  return [['xmin', num(start)], ['xmax', num(end)], ['text', q(text)]];
}
function q(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
function num(x: number): string {
  return String(x);
}
