/**
 * brat standoff: a `.ann` file next to the `.txt` it annotates. `T` entity lines become spans (ids `T1`,
 * ...; discontinuous `0 5;7 10` entities one span per fragment, `T2.1`, `T2.2`, sharing `extra.bratId`),
 * `A`/`M` lines attributes, `N` lines `extra.normalizations`, `AnnotatorNotes` on entities `extra.notes`;
 * relation, event and other lines stay verbatim in `media.extra.bratLines`. Offsets are code points.
 */
import type { Format } from '../dataset.js';
import { parseBrat, type BratDocument, type BratInput, type BratNormalization, type BratParseOptions } from './parse.js';
import { serializeBrat, type BratSerializeOptions } from './serialize.js';

export type { BratDocument, BratInput, BratNormalization, BratParseOptions, BratSerializeOptions };

/** The brat standoff format. */
export const brat: Format<BratInput, Record<string, string>, BratParseOptions, BratSerializeOptions> = {
  name: 'brat',
  parse: parseBrat,
  serialize: serializeBrat,
};
