import type { Annotation, AttributeValue, LabelSchema, SpanAnnotation } from '@labelkit/core';
import type { DatasetItem, FormatLoss, ParseResult } from '../dataset.js';
import { CodePointText } from '../text-shared/codepoints.js';
import { IssueList, describe } from '../text-shared/issues.js';
import { LabelRegistry } from '../text-shared/labels.js';

/** One brat document: the standoff `.ann` file and the `.txt` it annotates. */
export interface BratDocument {
  ann: string;
  txt: string;
}

/**
 * Input of {@link brat}: one document `{ ann, txt }`, or several as file contents keyed by file name
 * (`{ 'doc1.ann': ..., 'doc1.txt': ..., 'doc2.ann': ... }`; the item id is the name without extension).
 */
export type BratInput = BratDocument | Record<string, string>;

/** Options of `brat.parse`. */
export interface BratParseOptions {
  /** Use these labels instead of inferring them; unknown entity types become errors. */
  schema?: LabelSchema;
  /** Item id of a single `{ ann, txt }` document; default `document`. */
  id?: string;
}

/** Item id used for a single `{ ann, txt }` document when `options.id` is not given. */
export const DEFAULT_BRAT_ID = 'document';

/** Keys of a span's `extra` that the brat format itself uses. */
export const BRAT_EXTRA = ['bratId', 'fragment', 'fragments', 'notes', 'normalizations'] as const;

/** A brat normalisation (`N1\tReference T1 Wikipedia:534366\tBarack Obama`) kept in a span's `extra.normalizations`. */
export interface BratNormalization {
  type: string;
  ref: string;
  text: string;
}

/** Splits `{ ann, txt }` or a file map into named documents. */
export function bratDocuments(input: BratInput, id: string, issues: IssueList, warnings: FormatLoss[]): { id: string; prefix: string; ann: string; txt: string }[] {
  if (typeof input !== 'object' || input === null) {
    issues.add('', `expected { ann, txt } or file contents keyed by file name, got ${describe(input)}`);
    return [];
  }
  const rec = input as Record<string, unknown>;
  if ('ann' in rec || 'txt' in rec) {
    if (typeof rec.ann !== 'string') issues.add('ann', `expected the .ann file contents as a string, got ${describe(rec.ann)}`);
    if (typeof rec.txt !== 'string') issues.add('txt', `expected the .txt file contents as a string, got ${describe(rec.txt)}`);
    if (typeof rec.ann !== 'string' || typeof rec.txt !== 'string') return [];
    return [{ id, prefix: '', ann: rec.ann, txt: rec.txt }];
  }
  const docs: { id: string; prefix: string; ann: string; txt: string }[] = [];
  for (const [name, content] of Object.entries(rec)) {
    if (typeof content !== 'string') {
      issues.add(name, `expected the file contents as a string, got ${describe(content)}`);
      continue;
    }
    if (name.endsWith('.conf')) {
      warnings.push({ path: name, message: 'brat configuration files are not read; pass options.schema for a schema' });
      continue;
    }
    const m = /^(.*)\.(ann|txt)$/.exec(name);
    if (!m) {
      issues.add(name, 'expected a file name ending in .ann or .txt');
      continue;
    }
    const base = m[1]!;
    if (m[2] === 'txt') {
      if (!(`${base}.ann` in rec)) docs.push({ id: base, prefix: `${base}.txt `, ann: '', txt: content });
      continue;
    }
    const txt = rec[`${base}.txt`];
    if (typeof txt !== 'string') issues.add(name, `expected ${base}.txt next to ${name}`);
    else docs.push({ id: base, prefix: `${name} `, ann: content, txt });
  }
  return docs;
}

/** Parses brat standoff documents (`.ann` + `.txt`); one item per document. */
export function parseBrat(input: BratInput, options: BratParseOptions = {}): ParseResult {
  const issues = new IssueList('brat');
  const warnings: FormatLoss[] = [];
  const labels = new LabelRegistry(issues, options.schema);
  const items: DatasetItem[] = [];
  for (const doc of bratDocuments(input, options.id ?? DEFAULT_BRAT_ID, issues, warnings)) {
    items.push(parseDocument(doc, labels, issues, warnings));
  }
  issues.throwIfAny();
  return { dataset: { schema: labels.build(), items }, warnings };
}

function parseDocument(
  doc: { id: string; prefix: string; ann: string; txt: string },
  labels: LabelRegistry,
  issues: IssueList,
  warnings: FormatLoss[],
): DatasetItem {
  const text = new CodePointText(doc.txt);
  const annotations: Annotation[] = [];
  const spansById = new Map<string, SpanAnnotation[]>();
  const lineOf = new Map<string, number>();
  const kept: { line: string; place: string }[] = [];
  const pending: { id: string; kind: string; rest: string[]; place: string; line: string }[] = [];
  const lines = doc.ann.replace(/^\uFEFF/, '').split('\n');

  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) return;
    const place = `${doc.prefix}line ${i + 1}`;
    const fields = line.split('\t');
    const id = fields[0]!;
    if (fields.length < 2 || !/^([TRENAM#*])/.test(id)) {
      issues.add(place, `expected "ID<TAB>annotation" with an id starting with T, R, E, A, M, N, # or *, got ${describe(line)}`);
      return;
    }
    if (id !== '*') {
      if (lineOf.has(id)) issues.add(place, `duplicate id "${id}" (first on line ${lineOf.get(id)})`);
      lineOf.set(id, i + 1);
    }
    if (id.startsWith('T')) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(fields[1]!);
      if (!m) {
        issues.add(place, `expected "${id}<TAB>Type start end[;start end]<TAB>text", got ${describe(fields[1])}`);
        return;
      }
      const fragments = m[2]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      let ok = true;
      for (const [s, e] of fragments) {
        if (s >= e) {
          issues.add(place, `expected start < end in fragment "${s} ${e}"`);
          ok = false;
        } else if (e > text.length) {
          issues.add(place, `offset ${e} is past the end of the text (${text.length} code points)`);
          ok = false;
        }
      }
      const labelId = labels.resolve(m[1]!, 'span', place);
      if (!ok || labelId === undefined) return;
      const slices = fragments.map(([s, e]) => text.slice(s, e));
      const given = fields.slice(2).join('\t');
      if (fields.length > 2 && normalizeSpace(given) !== normalizeSpace(slices.join(' '))) {
        issues.add(place, `entity text ${describe(given)} differs from the document text at ${m[2]} ${describe(slices.join(' '))} (offsets are code points)`);
        return;
      }
      const group: SpanAnnotation[] = fragments.map(([s, e], f) => {
        const span: SpanAnnotation = { id, kind: 'span', label: labelId, start: s, end: e, text: slices[f]! };
        if (fragments.length > 1) {
          span.id = `${id}.${f + 1}`;
          span.extra = { bratId: id, fragment: f + 1, fragments: fragments.length };
        }
        return span;
      });
      if (fragments.length > 1) {
        warnings.push({ path: place, message: `discontinuous entity ${id} (${m[2]}) is imported as ${fragments.length} spans ${group.map((s) => s.id).join(', ')} sharing extra.bratId "${id}"` });
      }
      spansById.set(id, group);
      annotations.push(...group);
      return;
    }
    if (/^[AMN#]/.test(id)) {
      pending.push({ id, kind: id[0]!, rest: fields.slice(1), place, line });
      return;
    }
    kept.push({ line, place });
  });

  // Attributes, normalisations and notes, once every entity is known.
  for (const p of pending) {
    const words = p.rest[0]!.split(' ');
    const target = words[1];
    if ((p.kind === 'A' || p.kind === 'M') && (words.length < 2 || words.length > 3 || !words[0])) {
      issues.add(p.place, `expected "${p.id}<TAB>Name Target [Value]", got ${describe(p.rest[0])}`);
      continue;
    }
    if (p.kind === 'N' && (words.length !== 3 || p.rest.length < 2)) {
      issues.add(p.place, `expected "${p.id}<TAB>Type Target Reference:Id<TAB>text", got ${describe(p.rest.join('\t'))}`);
      continue;
    }
    if (!target || !lineOf.has(target)) {
      issues.add(p.place, `expected a target id after "${words[0]}", got ${describe(target)}, which no line defines`);
      continue;
    }
    const spans = spansById.get(target);
    if (!spans || (p.kind === '#' && words[0] !== 'AnnotatorNotes')) {
      // On a relation or an event (or a note of another kind): kept verbatim.
      kept.push({ line: p.line, place: p.place });
      continue;
    }
    if (p.kind === 'A' || p.kind === 'M') {
      const value: AttributeValue = words[2] ?? true;
      for (const s of spans) {
        s.attributes = { ...s.attributes, [words[0]!]: value };
        labels.noteAttribute(s.label, words[0]!, value);
      }
    } else if (p.kind === 'N') {
      const n: BratNormalization = { type: words[0]!, ref: words[2]!, text: p.rest.slice(1).join('\t') };
      for (const s of spans) s.extra = { ...s.extra, normalizations: [...((s.extra?.normalizations as BratNormalization[]) ?? []), n] };
    } else {
      const note = p.rest.slice(1).join('\t');
      for (const s of spans) s.extra = { ...s.extra, notes: [...((s.extra?.notes as string[]) ?? []), note] };
    }
  }

  const media: DatasetItem['media'] = { id: doc.id, text: doc.txt };
  if (kept.length) {
    media.extra = { bratLines: kept.map((k) => k.line) };
    const kinds = [...new Set(kept.map((k) => k.line[0]))].join(', ');
    warnings.push({ path: `${doc.prefix}${kept[0]!.place.replace(doc.prefix, '')}`.trim(), message: `${kept.length} line(s) of kinds ${kinds} (relations, events, notes on them) are kept verbatim in media.extra.bratLines of item "${doc.id}"` });
  }
  return { media, annotations };
}

function normalizeSpace(s: string): string {
  return s.replace(/\s/g, ' ');
}
