/** Remappable keyboard shortcuts: parse `"Mod+Z"`, match plain key events, detect conflicts, dispatch. */
export * from './shortcut.js';
export * from './keymap.js';
export * from './dispatch.js';
