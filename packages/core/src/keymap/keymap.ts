import { parseShortcut, shortcutId, ShortcutError, detectPlatform, type Platform, type Shortcut } from './shortcut.js';

/**
 * Shortcuts by action id: one shortcut string, or several that all trigger the action. An empty
 * array leaves the action unbound.
 */
export type Keymap = Record<string, string | readonly string[]>;

/**
 * The actions every annotator shares, with their default shortcuts. Decisions worth knowing:
 * - `delete` has both Delete and Backspace: Mac laptop keyboards have no forward Delete key.
 * - `rejectSuggestion` is Shift+Delete / Shift+Backspace: rejecting is "deleting" a suggestion,
 *   and Shift keeps it apart from deleting an accepted annotation.
 * - `rejectAllSuggestions` is Alt+Shift+Backspace, because browsers keep Ctrl+Shift+Delete and
 *   ⌘⇧⌫ (Clear browsing data) for themselves; `acceptAllSuggestions` is Mod+Shift+Enter.
 * - No digits: `1`–`9`, `0` are left for label hotkeys.
 */
export const DEFAULT_KEYMAP = {
  undo: 'Mod+Z',
  redo: ['Mod+Shift+Z', 'Mod+Y'],
  delete: ['Delete', 'Backspace'],
  selectAll: 'Mod+A',
  deselect: 'Escape',
  copy: 'Mod+C',
  paste: 'Mod+V',
  duplicate: 'Mod+D',
  nextAnnotation: 'Tab',
  prevAnnotation: 'Shift+Tab',
  acceptSuggestion: 'Enter',
  rejectSuggestion: ['Shift+Delete', 'Shift+Backspace'],
  acceptAllSuggestions: 'Mod+Shift+Enter',
  rejectAllSuggestions: 'Alt+Shift+Backspace',
  nextSuggestion: 'N',
  prevSuggestion: 'Shift+N',
  toggleHidden: 'H',
  toggleLocked: 'L',
  openLabelPicker: '/',
  nudgeLeft: 'ArrowLeft',
  nudgeRight: 'ArrowRight',
  nudgeUp: 'ArrowUp',
  nudgeDown: 'ArrowDown',
  nudgeLeftFar: 'Shift+ArrowLeft',
  nudgeRightFar: 'Shift+ArrowRight',
  nudgeUpFar: 'Shift+ArrowUp',
  nudgeDownFar: 'Shift+ArrowDown',
  zoomIn: ['+', '='],
  zoomOut: '-',
  showHelp: '?',
} as const satisfies Keymap;

/** An action id of {@link DEFAULT_KEYMAP}. */
export type DefaultAction = keyof typeof DEFAULT_KEYMAP;

/** The shortcuts of one keymap entry as an array. */
export function shortcutsOf(binding: string | readonly string[] | undefined): readonly string[] {
  return binding === undefined ? [] : typeof binding === 'string' ? [binding] : binding;
}

/**
 * A keymap with `overrides` applied over `base`: an override replaces the action's whole binding
 * (`[]` unbinds it); `undefined` values are ignored, so a `Partial<Keymap>` prop can be passed as
 * is. Actions only in `overrides` are added. Neither input is changed.
 */
export function mergeKeymap(base: Keymap, overrides: Partial<Keymap> | undefined): Keymap {
  const out: Keymap = { ...base };
  for (const [action, binding] of Object.entries(overrides ?? {})) {
    if (binding !== undefined) out[action] = binding;
  }
  return out;
}

/** Two actions that the same keys would trigger. */
export interface KeymapConflict {
  /** The earlier action (in keymap order; label hotkeys are named `label:<id>` and come last). */
  a: string;
  b: string;
  /** The shared shortcut as written for `b`. */
  shortcut: string;
}

/**
 * Pairs of actions that share a shortcut on `platform` — including label hotkeys (label id →
 * hotkey), reported as `label:<id>`. `Mod+Z` and `Ctrl+Z` conflict on `'other'`, not on `'mac'`.
 * Throws {@link ShortcutError} naming the action when a shortcut cannot be parsed.
 */
export function findConflicts(
  keymap: Keymap,
  labelHotkeys: Readonly<Record<string, string>> = {},
  platform: Platform = detectPlatform(),
): KeymapConflict[] {
  const seen = new Map<string, string[]>();
  const conflicts: KeymapConflict[] = [];
  const add = (action: string, text: string): void => {
    const id = shortcutId(parseBound(action, text, platform));
    const owners = seen.get(id) ?? [];
    for (const a of owners) if (a !== action) conflicts.push({ a, b: action, shortcut: text });
    if (!owners.includes(action)) owners.push(action);
    seen.set(id, owners);
  };
  for (const [action, binding] of Object.entries(keymap)) for (const s of shortcutsOf(binding)) add(action, s);
  for (const [label, hotkey] of Object.entries(labelHotkeys)) add(`label:${label}`, hotkey);
  return conflicts;
}

/** Parses one shortcut of an action, adding the action's name to any error. */
export function parseBound(action: string, text: string, platform: Platform): Shortcut {
  try {
    return parseShortcut(text, platform);
  } catch (e) {
    if (e instanceof ShortcutError) throw new ShortcutError(text, `${action}: ${e.message}`);
    throw e;
  }
}
