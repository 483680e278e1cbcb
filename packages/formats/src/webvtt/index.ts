/**
 * WebVTT: each cue becomes a `segment` whose `text` is the cue text without tags; the first voice
 * (`<v Speaker>`) is the label. Cue ids, settings, voice classes and raw payloads live in `extra`.
 */
import type { Format } from '../dataset.js';
import { parseWebvtt, type VttBlock, type WebvttParseOptions } from './parse.js';
import { serializeWebvtt, type WebvttSerializeOptions } from './serialize.js';

export type { VttBlock, WebvttParseOptions, WebvttSerializeOptions };

/** The WebVTT format. */
export const webvtt: Format<string, string, WebvttParseOptions, WebvttSerializeOptions> = {
  name: 'webvtt',
  parse: parseWebvtt,
  serialize: serializeWebvtt,
};
