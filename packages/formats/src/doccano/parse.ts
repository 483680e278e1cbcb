import type { Annotation, LabelSchema } from '@labelkit/core';
import type { DatasetItem, ParseResult } from '../dataset.js';
import { IssueList, at, describe } from '../text-shared/issues.js';
import { annotationId } from '../text-shared/items.js';
import { isPlainObject, readJsonl } from '../text-shared/jsonl.js';
import { LabelRegistry } from '../text-shared/labels.js';
import { readTextRecordHead } from '../text-shared/records.js';
import { checkRange } from '../text-shared/ranges.js';

/** Input of {@link doccano}: JSON Lines text, or the records already parsed. */
export type DoccanoInput = string | readonly Record<string, unknown>[];

/** Options of `doccano.parse`. */
export interface DoccanoParseOptions {
  /** Use these labels instead of inferring them; unknown labels become errors. */
  schema?: LabelSchema;
}

/** Fields the parser reads; everything else goes to `media.extra`. */
export const DOCCANO_FIELDS = ['id', 'text', 'label', 'entities', 'cats'] as const;

/**
 * Parses doccano JSONL: `label` / `entities` hold `[start, end, label]` triples (sequence labelling),
 * `{id, start_offset, end_offset, label}` objects (relation extraction) or label strings
 * (text classification); `cats` holds document categories. Strings become `tag` annotations.
 */
export function parseDoccano(input: DoccanoInput, options: DoccanoParseOptions = {}): ParseResult {
  const issues = new IssueList('doccano');
  const labels = new LabelRegistry(issues, options.schema);
  const items: DatasetItem[] = [];
  const seenIds = new Map<string, string>();

  for (const { value: rec, place, index } of readJsonl(input, issues)) {
    const head = readTextRecordHead(rec, place, index, DOCCANO_FIELDS, issues, seenIds);
    if (!head) continue;
    const { id, text, extra } = head;
    const spans: Annotation[] = [];
    const tags: Annotation[] = [];

    for (const field of ['label', 'entities', 'cats'] as const) {
      const list = rec[field];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        issues.add(at(place, field), `expected an array, got ${describe(list)}`);
        continue;
      }
      list.forEach((e: unknown, i) => {
        const p = at(place, `${field}[${i}]`);
        if (typeof e === 'string') {
          const labelId = labels.resolve(e, 'tag', p);
          if (labelId !== undefined) tags.push({ id: '', kind: 'tag', label: labelId });
          return;
        }
        if (field === 'cats') return issues.add(p, `expected a category name, got ${describe(e)}`);
        let start: unknown, end: unknown, label: unknown;
        const spanExtra: Record<string, unknown> = {};
        if (Array.isArray(e)) {
          if (e.length !== 3) return issues.add(p, `expected [start, end, label], got an array of ${e.length}`);
          [start, end, label] = e;
        } else if (isPlainObject(e)) {
          ({ start_offset: start, end_offset: end, label } = e);
          for (const [k, v] of Object.entries(e)) if (!['start_offset', 'end_offset', 'label'].includes(k)) spanExtra[k] = v;
        } else {
          return issues.add(p, `expected [start, end, label], {start_offset, end_offset, label} or a category name, got ${describe(e)}`);
        }
        const ok = checkRange(start, end, text.length, p, issues);
        if (typeof label !== 'string') return issues.add(`${p}.label`, `expected a label string, got ${describe(label)}`);
        const labelId = labels.resolve(label, 'span', `${p}.label`);
        if (!ok || labelId === undefined) return;
        const a: Annotation = { id: '', kind: 'span', label: labelId, start: start as number, end: end as number, text: text.slice(start as number, end as number) };
        if (Object.keys(spanExtra).length) a.extra = spanExtra;
        spans.push(a);
      });
    }
    const annotations = [...spans, ...tags];
    annotations.forEach((a, i) => (a.id = annotationId(id, i)));
    const media: DatasetItem['media'] = { id, text: text.text };
    if (Object.keys(extra).length) media.extra = extra;
    items.push({ media, annotations });
  }
  issues.throwIfAny();
  return { dataset: { schema: labels.build(), items }, warnings: [] };
}
