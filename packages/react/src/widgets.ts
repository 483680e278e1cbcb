/** The shared widgets of @labelkit/react and their theme, re-exported by the package index. */
export * from './theme/index.js';
export * from './label-picker/index.js';
export * from './attribute-editor/index.js';
export * from './suggestions/index.js';
export * from './review/index.js';
