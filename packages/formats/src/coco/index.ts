import type { Format } from '../dataset.js';
import { parseCoco, type CocoParseOptions } from './parse.js';
import { serializeCoco, type CocoSerializeOptions } from './serialize.js';

export type { CocoParseOptions, CocoDatasetExtra } from './parse.js';
export type { CocoSerializeOptions } from './serialize.js';

/**
 * COCO object detection / keypoints JSON. Input: the file's text or the parsed object.
 * See docs/formats.md#coco for the conventions (polygon parts, derived boxes, category ids).
 */
export const coco: Format<string | object, string, CocoParseOptions, CocoSerializeOptions> = {
  name: 'coco',
  parse: (input, options) => parseCoco(input, options),
  serialize: (dataset, options) => serializeCoco(dataset, options),
};
