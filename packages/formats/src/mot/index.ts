/**
 * MOT Challenge ground truth and results: `gt/gt.txt` rows (1-based frames and pixels), `seqinfo.ini`,
 * `labels.txt`. One item per sequence, one `track` per object id.
 */
import type { Format } from '../dataset.js';
import type { FileSet } from '../shared/files.js';
import { parseMot, type MotParseOptions } from './parse.js';
import { serializeMot, type MotSerializeOptions } from './serialize.js';

export { MOT_CLASSES } from './parse.js';
export type { MotParseOptions, MotSerializeOptions };

/** The MOT Challenge format: `mot.parse({ 'gt/gt.txt': …, 'seqinfo.ini': …, 'labels.txt': … })`. */
export const mot: Format<FileSet | string, FileSet, MotParseOptions, MotSerializeOptions> = {
  name: 'mot',
  parse: parseMot,
  serialize: serializeMot,
};
