import type { Annotation } from '@labelkit/core';
import type { Dataset, FormatLoss, SerializeResult } from '../dataset.js';
import { writeJsonl } from '../text-shared/jsonl.js';
import { reportAnnotationLosses, reportKindLoss } from '../text-shared/losses.js';
import { startTextRecord, writeRecordIdentity } from '../text-shared/records.js';
import { SPACY_FIELDS } from './parse.js';

/** Options of `spacy.serialize`. */
export interface SpacySerializeOptions {
  /** `spans` (default): Prodigy-style objects `{start, end, label}`; `ents`: `[start, end, label]` triples. */
  field?: 'spans' | 'ents';
}

/** Writes spaCy / Prodigy JSONL, one line per item. */
export function serializeSpacy(dataset: Dataset, options: SpacySerializeOptions = {}): SerializeResult<string> {
  const field = options.field ?? 'spans';
  const losses: FormatLoss[] = [];
  const records: Record<string, unknown>[] = [];
  dataset.items.forEach((item, i) => {
    const path = `items[${i}]`;
    const rec = startTextRecord(item, i, records.length, { name: 'spacy', display: 'spaCy', fields: SPACY_FIELDS, passThrough: ['cats'] }, losses);
    if (!rec) return;
    const negatives = rec.cats;
    delete rec.cats;
    writeRecordIdentity(rec, item, records.length);
    const spans: unknown[] = [];
    const cats: Record<string, unknown> = {};
    const labelTags: Annotation[] = [];
    item.annotations.forEach((a, j) => {
      const p = `${path}.annotations[${j}]`;
      if (a.kind === 'span') {
        reportAnnotationLosses(a, p, { extra: field === 'spans' }, losses, 'spacy');
        if (field === 'ents') spans.push([a.start, a.end, a.label]);
        else spans.push({ ...(a.extra ?? {}), start: a.start, end: a.end, label: a.label });
      } else if (a.kind === 'tag') {
        reportAnnotationLosses(a, p, { score: true, extra: true }, losses, 'spacy');
        if (a.start !== undefined || a.end !== undefined) losses.push({ path: p, message: 'spacy cats label the whole text; the tag range is not written' });
        if (a.score === 0) losses.push({ path: `${p}.score`, message: 'a cat scored 0 reads back as "not this label"' });
        if (a.extra?.field === 'label') labelTags.push(a);
        else cats[a.label] = a.score ?? 1;
        const others = Object.keys(a.extra ?? {}).filter((k) => k !== 'field');
        if (others.length) losses.push({ path: `${p}.extra`, message: `spacy cannot carry extra fields on tags (${others.join(', ')})` });
      } else reportKindLoss(a, p, losses, 'spacy', 'span and tag annotations');
    });
    if (spans.length) rec[field] = spans;
    // Prodigy's top-level `label` holds one tag; more than one go to `cats`.
    if (labelTags.length === 1 && labelTags[0]!.score === undefined) rec.label = labelTags[0]!.label;
    else {
      for (const t of labelTags) {
        cats[t.label] = t.score ?? 1;
        losses.push({ path: `${path}.annotations[${item.annotations.indexOf(t)}].extra.field`, message: 'Prodigy\'s `label` holds one unscored tag; this one is written to `cats`' });
      }
    }
    if (negatives && typeof negatives === 'object') Object.assign(cats, negatives);
    if (Object.keys(cats).length) rec.cats = cats;
    records.push(rec);
  });
  return { output: writeJsonl(records), losses };
}
