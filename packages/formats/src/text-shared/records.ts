import type { DatasetItem, FormatLoss } from '../dataset.js';
import { CodePointText } from './codepoints.js';
import { at, describe, type IssueList } from './issues.js';
import { defaultItemId, readItemId, writeItemId } from './items.js';
import { reportMediaLosses } from './losses.js';

/** How one JSONL text format names itself and which top-level fields are its own. */
export interface TextRecordFormat {
  /** Format name used in loss messages (`spacy`). */
  name: string;
  /** Name as people write it (`spaCy`). */
  display: string;
  /** The format's own record fields: an `extra` value under one of these names is not written. */
  fields: readonly string[];
  /** Own fields that `extra` may still carry through (spaCy's `cats` of negative labels). */
  passThrough?: readonly string[];
}

/**
 * Starts the JSONL record of one text item: reports what the media cannot carry, copies the item's
 * foreign fields (`media.extra`) except the format's own, then writes `id` (when not the default for
 * this position) and `text`. Returns null, with a loss, when the item has no text.
 */
export function startTextRecord(item: DatasetItem, index: number, position: number, format: TextRecordFormat, losses: FormatLoss[]): Record<string, unknown> | null {
  const path = `items[${index}]`;
  const { media } = item;
  if (media.text === undefined) {
    losses.push({ path: `${path}.media.text`, message: `${format.name} needs the item text; item not written` });
    return null;
  }
  reportMediaLosses(media, path, ['text', 'extra'], losses, format.name);
  const rec: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(media.extra ?? {})) {
    if (format.passThrough?.includes(k) || !format.fields.includes(k)) rec[k] = v;
    else losses.push({ path: `${path}.media.extra.${k}`, message: `"${k}" is a ${format.display} field; the extra value is not written` });
  }
  return rec;
}

/** Ends the record's head: `id` when it differs from the default id of its position, then `text`. */
export function writeRecordIdentity(rec: Record<string, unknown>, item: DatasetItem, position: number): void {
  if (item.media.id !== defaultItemId(position)) rec.id = writeItemId(item.media.id);
  rec.text = item.media.text;
}

/** The common head of a JSONL text record, as read by {@link readTextRecordHead}. */
export interface TextRecordHead {
  id: string;
  text: CodePointText;
  /** The record's fields that are not the format's own, for `media.extra`. */
  extra: Record<string, unknown>;
}

/**
 * Reads what every JSONL text record starts with: the text (an issue and null when it is not a string),
 * the item id (default by position; a duplicate is an issue naming the first place) and the foreign fields.
 */
export function readTextRecordHead(
  rec: Record<string, unknown>,
  place: string,
  index: number,
  fields: readonly string[],
  issues: IssueList,
  seenIds: Map<string, string>,
): TextRecordHead | null {
  if (typeof rec.text !== 'string') {
    issues.add(at(place, 'text'), `expected the document text as a string, got ${describe(rec.text)}`);
    return null;
  }
  const id = readItemId(rec.id) ?? defaultItemId(index);
  if (seenIds.has(id)) issues.add(at(place, 'id'), `duplicate item id "${id}" (first at ${seenIds.get(id)})`);
  seenIds.set(id, place);
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) if (!fields.includes(k)) extra[k] = v;
  return { id, text: new CodePointText(rec.text), extra };
}
