export { voc, xmlToJson, jsonToXml } from './voc.js';
export type { VocParseOptions, VocSerializeOptions } from './voc.js';
