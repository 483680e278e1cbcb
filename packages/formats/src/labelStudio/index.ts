export { labelStudio } from './labelStudio.js';
export { parseLabelConfig } from './config.js';
export type { LabelStudioParseOptions, LabelStudioSerializeOptions } from './labelStudio.js';
export type { LsConfig, LsControl } from './config.js';
