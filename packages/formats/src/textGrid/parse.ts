import type { LabelSchema, SegmentAnnotation } from '@labelkit/core';
import type { DatasetItem, FormatLoss, ParseResult } from '../dataset.js';
import { IssueList, describe } from '../text-shared/issues.js';
import { annotationId } from '../text-shared/items.js';
import { LabelRegistry } from '../text-shared/labels.js';
import { decodeText } from './decode.js';
import { tokenize, type PraatToken } from './tokens.js';

/** Options of `textGrid.parse`. */
export interface TextGridParseOptions {
  /** Use these labels (tier names) instead of inferring them; unknown tiers become errors. */
  schema?: LabelSchema;
  /** Item id; default `document`. */
  id?: string;
}

/** Item id used when `options.id` is not given. */
export const DEFAULT_TEXTGRID_ID = 'document';

/** A tier as kept in `media.extra.textGrid.tiers` (order, bounds, and the points of point tiers). */
export interface TextGridTier {
  class: 'IntervalTier' | 'TextTier';
  name: string;
  xmin: number;
  xmax: number;
  /** Points of a `TextTier`: time in seconds and mark. */
  points?: { time: number; mark: string }[];
}

/** What `media.extra.textGrid` holds: only what differs from the defaults `serialize` would write. */
export interface TextGridExtra {
  /** Start of the grid when not 0. */
  xmin?: number;
  /** Every tier in file order, when the order, bounds or point tiers differ from the defaults. */
  tiers?: TextGridTier[];
}

/**
 * Parses a Praat TextGrid (long or short text form; UTF-8 or UTF-16 with or without BOM). Each
 * non-empty interval of an interval tier becomes a `segment` labelled with the tier name, its text as
 * `text`; empty intervals are gaps. `media.duration` is the grid's `xmax`.
 */
export function parseTextGrid(input: string | Uint8Array, options: TextGridParseOptions = {}): ParseResult {
  const issues = new IssueList('textGrid');
  const labels = new LabelRegistry(issues, options.schema);
  const warnings: FormatLoss[] = [];
  const id = options.id ?? DEFAULT_TEXTGRID_ID;
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    issues.add('', `expected the file contents as a string or a Uint8Array, got ${describe(input)}`);
    issues.throwIfAny();
  }
  const tokens = tokenize(decodeText(input));
  let pos = 0;
  let lastLine = 1;
  const fail = (what: string, t: PraatToken | undefined): never => {
    issues.add(`line ${t ? Math.abs(t.line) : lastLine}`, `expected ${what}, got ${t ? (t.line < 0 ? 'an unterminated string' : `${t.type} ${describe(t.value)}`) : 'the end of the file'}`);
    issues.throwIfAny();
    throw new Error('unreachable');
  };
  const next = <T extends PraatToken['type']>(type: T, what: string): Extract<PraatToken, { type: T }> => {
    const t = tokens[pos++];
    if (!t || t.type !== type || t.line < 0) return fail(what, t);
    lastLine = t.line;
    return t as Extract<PraatToken, { type: T }>;
  };
  const fileType = next('string', '"ooTextFile"');
  if (fileType.value !== 'ooTextFile') fail('File type = "ooTextFile"', fileType);
  const cls = next('string', '"TextGrid"');
  if (cls.value !== 'TextGrid') fail('Object class = "TextGrid"', cls);
  const xmin = next('number', 'the grid xmin').value;
  const xmax = next('number', 'the grid xmax').value;
  const exists = next('flag', '<exists> or <absent>');
  const tierCount = exists.value === 'exists' ? next('number', 'the number of tiers').value : 0;
  const tiers: TextGridTier[] = [];
  const annotations: SegmentAnnotation[] = [];
  for (let t = 0; t < tierCount; t++) {
    const klass = next('string', '"IntervalTier" or "TextTier"');
    if (klass.value !== 'IntervalTier' && klass.value !== 'TextTier') fail('"IntervalTier" or "TextTier"', klass);
    const nameTok = next('string', 'the tier name');
    const tier: TextGridTier = { class: klass.value as TextGridTier['class'], name: nameTok.value, xmin: next('number', 'the tier xmin').value, xmax: next('number', 'the tier xmax').value };
    const count = next('number', 'the number of intervals or points').value;
    if (tier.class === 'TextTier') {
      tier.points = [];
      for (let k = 0; k < count; k++) tier.points.push({ time: next('number', 'a point time').value, mark: next('string', 'a point mark').value });
      tiers.push(tier);
      continue;
    }
    tiers.push(tier);
    if (tiers.some((o) => o !== tier && o.class === 'IntervalTier' && o.name === tier.name)) {
      warnings.push({ path: `line ${nameTok.line}`, message: `a second tier named "${tier.name}": its segments share the label of the first` });
    }
    let label: string | undefined;
    let prevEnd = -Infinity;
    for (let k = 0; k < count; k++) {
      const a = next('number', 'an interval xmin');
      const b = next('number', 'an interval xmax');
      const text = next('string', 'an interval text');
      if (b.value <= a.value) issues.add(`line ${b.line}`, `expected the interval end (${b.value}) after its start (${a.value})`);
      else if (a.value < prevEnd - 1e-9) issues.add(`line ${a.line}`, `expected intervals in order without overlap; ${a.value} is before the previous end ${prevEnd}`);
      prevEnd = Math.max(prevEnd, b.value);
      if (!text.value) continue;
      label ??= labels.resolve(tier.name, 'segment', `line ${nameTok.line}`);
      if (label === undefined) continue;
      annotations.push({ id: annotationId(id, annotations.length), kind: 'segment', label, start: a.value, end: b.value, text: text.value });
    }
  }
  if (pos < tokens.length) warnings.push({ path: `line ${Math.abs(tokens[pos]!.line)}`, message: 'content after the last tier is ignored' });
  issues.throwIfAny();

  const media: DatasetItem['media'] = { id, duration: xmax };
  const extra: TextGridExtra = {};
  if (xmin !== 0) extra.xmin = xmin;
  // Keep the tier list only when serialize would not rebuild it: order of first use, grid bounds, no point tiers.
  const used = [...new Set(annotations.map((a) => a.label))];
  const plain = tiers.length === used.length && tiers.every((t, k) => t.class === 'IntervalTier' && t.name === used[k] && t.xmin === xmin && t.xmax === xmax);
  if (!plain) extra.tiers = tiers;
  if (Object.keys(extra).length) media.extra = { textGrid: extra };
  return { dataset: { schema: labels.build(), items: [{ media, annotations }] }, warnings };
}
