export { cvat } from './cvat.js';
export { readSkeletonSvg } from './meta.js';
export type { CvatParseOptions, CvatSerializeOptions } from './cvat.js';
export type { CvatLabelType, CvatMeta } from './meta.js';
