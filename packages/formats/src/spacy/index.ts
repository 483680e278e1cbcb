/**
 * spaCy / Prodigy JSON Lines: one document per line, `{"text": ..., "spans": [{"start", "end", "label"}]}`,
 * or `ents` as `[start, end, label]` triples, document categories in `cats` (`{label: score}`) or
 * Prodigy's single `label`. Offsets are Python code points, which are labelkit's.
 */
import type { Format } from '../dataset.js';
import { parseSpacy, type SpacyInput, type SpacyParseOptions } from './parse.js';
import { serializeSpacy, type SpacySerializeOptions } from './serialize.js';

export type { SpacyInput, SpacyParseOptions, SpacySerializeOptions };

/** The spaCy / Prodigy JSONL format. */
export const spacy: Format<SpacyInput, string, SpacyParseOptions, SpacySerializeOptions> = {
  name: 'spacy',
  parse: parseSpacy,
  serialize: serializeSpacy,
};
