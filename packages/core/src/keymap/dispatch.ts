import type { Keymap } from './keymap.js';
import { parseBound, shortcutsOf } from './keymap.js';
import { detectPlatform, matchShortcut, type KeyEventLike, type Platform, type Shortcut } from './shortcut.js';

/**
 * What to do for each action. Return `false` to decline (the key then counts as not handled and
 * later actions bound to the same keys get a chance); anything else means handled.
 */
export type KeyHandlers = Partial<Record<string, (event: KeyEventLike) => boolean | void>>;

/** Options of {@link createKeyDispatcher}. */
export interface KeyDispatcherOptions {
  /** How to read `Mod`; detected from the navigator by default. */
  platform?: Platform;
}

/**
 * A key handler for a keymap: `dispatch(event)` runs the handler of the first action (in keymap
 * order) whose shortcut matches and returns `true` when one handled it — the caller then calls
 * `preventDefault()`. Actions with no handler are skipped. All shortcuts are parsed up front, so a
 * bad one throws here (naming its action), not on a key press.
 */
export function createKeyDispatcher(
  keymap: Keymap,
  handlers: KeyHandlers,
  options: KeyDispatcherOptions = {},
): (event: KeyEventLike) => boolean {
  const platform = options.platform ?? detectPlatform();
  const bindings: { action: string; shortcut: Shortcut }[] = [];
  for (const [action, binding] of Object.entries(keymap)) {
    for (const text of shortcutsOf(binding)) bindings.push({ action, shortcut: parseBound(action, text, platform) });
  }
  return (event) => {
    for (const { action, shortcut } of bindings) {
      const handler = handlers[action];
      if (handler === undefined || !matchShortcut(shortcut, event, platform)) continue;
      if (handler(event) !== false) return true;
    }
    return false;
  };
}
