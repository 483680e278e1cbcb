import type { Annotation, LabelSchema } from '@labelkit/core';
import type { DatasetItem, FormatLoss, ParseResult } from '../dataset.js';
import { checkRange } from '../text-shared/ranges.js';
import { IssueList, at, describe } from '../text-shared/issues.js';
import { annotationId } from '../text-shared/items.js';
import { isPlainObject, readJsonl } from '../text-shared/jsonl.js';
import { LabelRegistry } from '../text-shared/labels.js';
import { readTextRecordHead } from '../text-shared/records.js';

/** Input of {@link spacy}: JSON Lines text, or the records already parsed. */
export type SpacyInput = string | readonly Record<string, unknown>[];

/** Options of `spacy.parse`. */
export interface SpacyParseOptions {
  /** Use these labels instead of inferring them; unknown labels become errors. */
  schema?: LabelSchema;
}

/** Fields of a record that the parser reads; everything else goes to `media.extra`. */
export const SPACY_FIELDS = ['id', 'text', 'spans', 'ents', 'cats', 'label'] as const;

/** Parses spaCy / Prodigy JSONL: `{text, spans: [{start, end, label}]}`, `ents` triples, `cats`, Prodigy `label`. */
export function parseSpacy(input: SpacyInput, options: SpacyParseOptions = {}): ParseResult {
  const issues = new IssueList('spacy');
  const labels = new LabelRegistry(issues, options.schema);
  const warnings: FormatLoss[] = [];
  const items: DatasetItem[] = [];
  const seenIds = new Map<string, string>();

  for (const { value: rec, place, index } of readJsonl(input, issues)) {
    const head = readTextRecordHead(rec, place, index, SPACY_FIELDS, issues, seenIds);
    if (!head) continue;
    const { id, text, extra } = head;
    const annotations: Annotation[] = [];

    for (const field of ['spans', 'ents'] as const) {
      const list = rec[field];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        issues.add(at(place, field), `expected an array of spans, got ${describe(list)}`);
        continue;
      }
      list.forEach((s: unknown, i) => {
        const p = at(place, `${field}[${i}]`);
        let start: unknown, end: unknown, label: unknown, spanText: unknown;
        const spanExtra: Record<string, unknown> = {};
        if (Array.isArray(s)) {
          if (s.length !== 3) return issues.add(p, `expected [start, end, label], got an array of ${s.length}`);
          [start, end, label] = s;
        } else if (isPlainObject(s)) {
          ({ start, end, label, text: spanText } = s);
          for (const [k, v] of Object.entries(s)) if (!['start', 'end', 'label', 'text'].includes(k)) spanExtra[k] = v;
        } else {
          return issues.add(p, `expected a span {start, end, label} or [start, end, label], got ${describe(s)}`);
        }
        const ok = checkRange(start, end, text.length, p, issues);
        if (typeof label !== 'string') return issues.add(`${p}.label`, `expected a label string, got ${describe(label)}`);
        const labelId = labels.resolve(label, 'span', `${p}.label`);
        if (!ok || labelId === undefined) return;
        const slice = text.slice(start as number, end as number);
        if (spanText !== undefined && spanText !== slice) {
          return issues.add(`${p}.text`, `span text ${describe(spanText)} differs from the document text at [${String(start)}, ${String(end)}) ${describe(slice)} (offsets are code points)`);
        }
        const a: Annotation = { id: '', kind: 'span', label: labelId, start: start as number, end: end as number, text: slice };
        if (Object.keys(spanExtra).length) a.extra = spanExtra;
        annotations.push(a);
      });
    }

    if (rec.label !== undefined) {
      if (typeof rec.label !== 'string') issues.add(at(place, 'label'), `expected a label string (Prodigy textcat), got ${describe(rec.label)}`);
      else {
        const labelId = labels.resolve(rec.label, 'tag', at(place, 'label'));
        if (labelId !== undefined) annotations.push({ id: '', kind: 'tag', label: labelId, extra: { field: 'label' } });
        if (rec.answer === 'reject' || rec.answer === 'ignore') {
          warnings.push({ path: at(place, 'answer'), message: `Prodigy answer "${rec.answer}" is kept in media.extra.answer; the label "${rec.label}" is imported as a tag` });
        }
      }
    }
    if (rec.cats !== undefined) {
      if (!isPlainObject(rec.cats)) issues.add(at(place, 'cats'), `expected an object {label: score}, got ${describe(rec.cats)}`);
      else {
        const negatives: Record<string, unknown> = {};
        for (const [name, score] of Object.entries(rec.cats)) {
          const p = at(place, `cats.${name}`);
          const value = typeof score === 'boolean' ? (score ? 1 : 0) : score;
          if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
            issues.add(p, `expected a score between 0 and 1, got ${describe(score)}`);
            continue;
          }
          if (value === 0) {
            negatives[name] = score;
            continue;
          }
          const labelId = labels.resolve(name, 'tag', p);
          if (labelId === undefined) continue;
          const tag: Annotation = { id: '', kind: 'tag', label: labelId };
          if (value !== 1) tag.score = value;
          annotations.push(tag);
        }
        if (Object.keys(negatives).length) extra.cats = negatives;
      }
    }
    annotations.forEach((a, i) => (a.id = annotationId(id, i)));
    const media: DatasetItem['media'] = { id, text: text.text };
    if (Object.keys(extra).length) media.extra = extra;
    items.push({ media, annotations });
  }
  issues.throwIfAny();
  const schema = labels.build();
  return { dataset: { schema, items }, warnings };
}
