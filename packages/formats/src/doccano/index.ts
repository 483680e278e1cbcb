/**
 * doccano JSON Lines: `{"text", "label": [[start, end, label]]}` for sequence labelling,
 * `{"text", "entities": [...], "cats": [...]}` for intent detection, `{"text", "label": ["positive"]}`
 * for text classification. Offsets are Python code points, which are labelkit's.
 */
import type { Format } from '../dataset.js';
import { parseDoccano, type DoccanoInput, type DoccanoParseOptions } from './parse.js';
import { serializeDoccano, type DoccanoSerializeOptions } from './serialize.js';

export type { DoccanoInput, DoccanoParseOptions, DoccanoSerializeOptions };

/** The doccano JSONL format. */
export const doccano: Format<DoccanoInput, string, DoccanoParseOptions, DoccanoSerializeOptions> = {
  name: 'doccano',
  parse: parseDoccano,
  serialize: serializeDoccano,
};
