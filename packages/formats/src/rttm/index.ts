/**
 * RTTM speaker diarization: `SPEAKER uri channel onset duration <NA> <NA> speaker <NA> <NA>`. One item
 * per `uri`, one `segment` per line, the speaker as the segment's label.
 */
import type { Format } from '../dataset.js';
import { parseRttm, type RttmParseOptions } from './parse.js';
import { serializeRttm, type RttmSerializeOptions } from './serialize.js';

export type { RttmParseOptions, RttmSerializeOptions };

/** The RTTM format. */
export const rttm: Format<string, string, RttmParseOptions, RttmSerializeOptions> = {
  name: 'rttm',
  parse: parseRttm,
  serialize: serializeRttm,
};
