/**
 * @labelkit/react — React bindings shared by every labelkit annotator: controlled/uncontrolled annotation
 * state, selection, scoped hotkeys, live announcements, and the shared widgets (label picker,
 * attribute editor, suggestion review) with their light/dark theme.
 */
export * from './annotator-props.js';
export * from './hooks/use-controllable-state.js';
export * from './hooks/use-annotations.js';
export * from './hooks/use-selection.js';
export * from './hooks/use-annotator-hotkeys.js';
export * from './hooks/announcer.js';
export * from './widgets.js';
