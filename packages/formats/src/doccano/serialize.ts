import type { Dataset, FormatLoss, SerializeResult } from '../dataset.js';
import { writeJsonl } from '../text-shared/jsonl.js';
import { reportAnnotationLosses, reportKindLoss } from '../text-shared/losses.js';
import { startTextRecord, writeRecordIdentity } from '../text-shared/records.js';
import { DOCCANO_FIELDS } from './parse.js';

/** Options of `doccano.serialize`. */
export interface DoccanoSerializeOptions {
  /**
   * Where spans go: `label` (default, doccano's sequence-labelling export) or `entities` (its
   * intent-detection and relation exports). Tags go to `cats`, or to `label` as strings when the item
   * has no spans and spans go to `label` (doccano's text-classification export).
   */
  spanField?: 'label' | 'entities';
}

/** Writes doccano JSONL, one line per item. */
export function serializeDoccano(dataset: Dataset, options: DoccanoSerializeOptions = {}): SerializeResult<string> {
  const spanField = options.spanField ?? 'label';
  const losses: FormatLoss[] = [];
  const records: Record<string, unknown>[] = [];
  dataset.items.forEach((item, i) => {
    const path = `items[${i}]`;
    const rec = startTextRecord(item, i, records.length, { name: 'doccano', display: 'doccano', fields: DOCCANO_FIELDS }, losses);
    if (!rec) return;
    writeRecordIdentity(rec, item, records.length);
    const spanAnns = item.annotations.flatMap((a, j) => (a.kind === 'span' ? [{ a, j }] : []));
    // Objects (with their ids, which `relations` refer to) when any span has extra fields; else triples.
    const asObjects = spanAnns.some(({ a }) => a.extra && Object.keys(a.extra).length);
    const spans = spanAnns.map(({ a, j }) => {
      reportAnnotationLosses(a, `${path}.annotations[${j}]`, { extra: true }, losses, 'doccano');
      return asObjects ? { ...(a.extra ?? {}), start_offset: a.start, end_offset: a.end, label: a.label } : [a.start, a.end, a.label];
    });
    const tags: string[] = [];
    item.annotations.forEach((a, j) => {
      const p = `${path}.annotations[${j}]`;
      if (a.kind === 'span') return;
      if (a.kind !== 'tag') return reportKindLoss(a, p, losses, 'doccano', 'span and tag annotations');
      reportAnnotationLosses(a, p, {}, losses, 'doccano');
      if (a.start !== undefined || a.end !== undefined) losses.push({ path: p, message: 'doccano categories label the whole text; the tag range is not written' });
      tags.push(a.label);
    });
    if (spans.length || (spanField === 'label' && !tags.length)) rec[spanField] = spans;
    if (tags.length) {
      if (spanField === 'label' && !spans.length) rec.label = tags;
      else rec.cats = tags;
    }
    records.push(rec);
  });
  return { output: writeJsonl(records), losses };
}
