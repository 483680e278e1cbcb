import type { Annotation } from '@labelkit/core';
import type { Dataset, FormatLoss, SerializeResult } from '../dataset.js';
import { writeJsonl } from '../text-shared/jsonl.js';
import { defaultItemId, writeItemId } from '../text-shared/items.js';
import { reportAnnotationLosses, reportKindLoss, reportMediaLosses } from '../text-shared/losses.js';
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
    const { media } = item;
    if (media.text === undefined) {
      losses.push({ path: `${path}.media.text`, message: 'spacy needs the item text; item not written' });
      return;
    }
    reportMediaLosses(media, path, ['text', 'extra'], losses, 'spacy');
    const rec: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(media.extra ?? {})) {
      if (k === 'cats' || !(SPACY_FIELDS as readonly string[]).includes(k)) rec[k] = v;
      else losses.push({ path: `${path}.media.extra.${k}`, message: `"${k}" is a spaCy field; the extra value is not written` });
    }
    const negatives = rec.cats;
    delete rec.cats;
    if (media.id !== defaultItemId(records.length)) rec.id = writeItemId(media.id);
    rec.text = media.text;
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
