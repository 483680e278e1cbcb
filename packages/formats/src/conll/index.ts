/**
 * CoNLL-2003 / IOB: one token per line (`token [POS chunk ...] tag`, blank line between sentences,
 * `-DOCSTART-` between documents) or spaCy's sentence-per-line `token|POS|tag`. Reads IOB1, IOB2 and
 * BIOES; writes IOB2 (or `scheme`). Item text = tokens joined by one space, sentences by a newline.
 */
import type { Format } from '../dataset.js';
import { parseConll, type ConllExtra, type ConllParseOptions } from './parse.js';
import { serializeConll, whitespaceTokenizer, type ConllSerializeOptions, type TokenRange, type Tokenizer } from './serialize.js';
import type { TagScheme } from './tags.js';

export type { ConllExtra, ConllParseOptions, ConllSerializeOptions, TagScheme, TokenRange, Tokenizer };
export { whitespaceTokenizer };

/** The CoNLL / IOB format. */
export const conll: Format<string, string, ConllParseOptions, ConllSerializeOptions> = {
  name: 'conll',
  parse: parseConll,
  serialize: serializeConll,
};
