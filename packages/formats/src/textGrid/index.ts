/**
 * Praat TextGrid (long and short text forms, UTF-8 or UTF-16): each non-empty interval of an interval
 * tier is a `segment` labelled with the tier name, its text as `text`. Point tiers, tier order and
 * bounds are kept in `media.extra.textGrid`; gaps are written back as empty intervals.
 */
import type { Format } from '../dataset.js';
import { parseTextGrid, type TextGridExtra, type TextGridParseOptions, type TextGridTier } from './parse.js';
import { serializeTextGrid, type TextGridSerializeOptions } from './serialize.js';
export { decodeText } from './decode.js';

export type { TextGridExtra, TextGridParseOptions, TextGridSerializeOptions, TextGridTier };

/** The Praat TextGrid format. */
export const textGrid: Format<string | Uint8Array, string, TextGridParseOptions, TextGridSerializeOptions> = {
  name: 'textGrid',
  parse: parseTextGrid,
  serialize: serializeTextGrid,
};
