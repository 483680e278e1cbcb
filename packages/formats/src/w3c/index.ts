export { w3c } from './w3c.js';
export { readSvg, writeSvg } from './svg.js';
export type { W3cParseOptions, W3cSerializeOptions } from './w3c.js';
export type { SvgShape } from './svg.js';
