/**
 * @labelkit/core — the framework-free heart of labelkit: label schema, annotation model and validation,
 * the annotation store with undo history, selection, keymap, geometry and agreement metrics. No React, no DOM.
 */
export * from './annotation.js';
export * from './schema-types.js';
export { defineSchema, labelAncestors, labelsForKind, defaultAttributes, LABEL_PALETTE } from './schema.js';
export { SchemaError, AnnotationError, type Issue } from './issues.js';
export { validateAnnotations, assertValidAnnotations, type ValidationContext } from './validate.js';
export * from './store.js';
export * from './history.js';
export * from './suggestion-review.js';
export * from './ids.js';
export * from './geometry/index.js';
export * from './keymap/index.js';
export * from './text-offsets.js';
export * from './selection.js';
export * from './agreement/index.js';
export * from './timeline/index.js';
