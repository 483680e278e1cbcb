/**
 * Keyboard shortcuts written as strings like `"Mod+Shift+Z"`: parsing, matching against plain key
 * event objects (no DOM types), and display.
 */

/** Where shortcuts run: `Mod` means ⌘ (Meta) on `'mac'` and Ctrl on `'other'`. */
export type Platform = 'mac' | 'other';

/** A parsed shortcut, modifiers resolved for one platform. */
export interface Shortcut {
  /**
   * The key: a lower-case letter, a digit, a single punctuation character, or a canonical key name
   * (`Escape`, `Delete`, `Backspace`, `Enter`, `Tab`, `Space`, `ArrowUp`, `F5`, ...).
   */
  key: string;
  /** Written with `Mod` (kept so it displays as written on every platform). */
  mod: boolean;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** The subset of a `KeyboardEvent` that matching needs; a plain object works, as in tests. */
export interface KeyEventLike {
  /** `KeyboardEvent.key`, the character or key name produced. */
  key: string;
  /** `KeyboardEvent.code`, the physical key (`KeyZ`, `Digit1`, `Slash`), when known. */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** A shortcut string that cannot be parsed; the message names the bad part. */
export class ShortcutError extends Error {
  /** The whole shortcut string. */
  readonly shortcut: string;

  /** @param shortcut the string being parsed; @param message what is wrong with it. */
  constructor(shortcut: string, message: string) {
    super(message);
    this.name = 'ShortcutError';
    this.shortcut = shortcut;
  }
}

/**
 * The platform this code runs on, from `navigator.platform` (or `userAgentData.platform`) when a
 * navigator exists; `'other'` in Node and anywhere it cannot tell.
 */
export function detectPlatform(): Platform {
  const nav = (globalThis as { navigator?: { platform?: unknown; userAgentData?: { platform?: unknown } } })
    .navigator;
  const name = nav?.userAgentData?.platform ?? nav?.platform;
  return typeof name === 'string' && /mac|iphone|ipad|ipod/i.test(name) ? 'mac' : 'other';
}

type Modifier = 'mod' | 'ctrl' | 'meta' | 'alt' | 'shift';

const MODIFIERS: Record<string, Modifier> = {
  mod: 'mod',
  ctrl: 'ctrl',
  control: 'ctrl',
  meta: 'meta',
  cmd: 'meta',
  command: 'meta',
  super: 'meta',
  alt: 'alt',
  option: 'alt',
  opt: 'alt',
  shift: 'shift',
};

/** Canonical key names, keyed by lower-case spelling (aliases included). */
const NAMED_KEYS: Record<string, string> = {
  escape: 'Escape',
  esc: 'Escape',
  delete: 'Delete',
  del: 'Delete',
  backspace: 'Backspace',
  enter: 'Enter',
  return: 'Enter',
  tab: 'Tab',
  space: 'Space',
  spacebar: 'Space',
  ' ': 'Space',
  plus: '+',
  insert: 'Insert',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  arrowup: 'ArrowUp',
  up: 'ArrowUp',
  arrowdown: 'ArrowDown',
  down: 'ArrowDown',
  arrowleft: 'ArrowLeft',
  left: 'ArrowLeft',
  arrowright: 'ArrowRight',
  right: 'ArrowRight',
};

/** Canonical form of a key name or character, or `null` when it is not a key we know. */
export function normalizeKey(key: string): string | null {
  const named = NAMED_KEYS[key.toLowerCase()];
  if (named !== undefined) return named;
  if (/^f([1-9]|1[0-9]|2[0-4])$/i.test(key)) return key.toUpperCase();
  // One printable character (a code point, so 'é' or 'ß' work too); letters compare lower-case.
  if (Array.from(key).length === 1 && !/\p{C}|\s/u.test(key)) return key.toLowerCase();
  return null;
}

/**
 * Parses `"Mod+Shift+Z"`-style text: modifiers (`Mod`, `Ctrl`/`Control`, `Meta`/`Cmd`/`Command`,
 * `Alt`/`Option`, `Shift`, any case) and exactly one key, joined by `+`. The key `+` is written
 * `Plus` (or last, as in `"Ctrl++"`). `Mod` becomes Meta on `'mac'`, Ctrl elsewhere.
 * Throws {@link ShortcutError} naming the bad part.
 */
export function parseShortcut(text: string, platform: Platform = detectPlatform()): Shortcut {
  const trimmed = text.trim();
  if (trimmed === '') throw new ShortcutError(text, 'Empty shortcut: expected a key such as "Z" or "Mod+Z"');
  const parts = trimmed.endsWith('++') ? [...trimmed.slice(0, -2).split('+'), '+'] : trimmed === '+' ? ['+'] : trimmed.split('+');
  const result: Shortcut = { key: '', mod: false, ctrl: false, meta: false, alt: false, shift: false };
  let key: string | null = null;
  parts.forEach((raw, i) => {
    const part = raw.trim();
    if (part === '') throw new ShortcutError(text, `Empty part at position ${i + 1} of shortcut "${text}"`);
    const modifier = i < parts.length - 1 ? MODIFIERS[part.toLowerCase()] : undefined;
    if (modifier !== undefined) {
      if (result[modifier]) throw new ShortcutError(text, `Modifier "${part}" appears twice in shortcut "${text}"`);
      result[modifier] = true;
      return;
    }
    if (i < parts.length - 1) {
      throw new ShortcutError(
        text,
        `Unknown modifier "${part}" in shortcut "${text}": expected Mod, Ctrl, Meta, Alt or Shift before the key`,
      );
    }
    if (MODIFIERS[part.toLowerCase()] !== undefined) {
      throw new ShortcutError(text, `Shortcut "${text}" has no key: "${part}" is a modifier`);
    }
    key = normalizeKey(part);
    if (key === null) throw new ShortcutError(text, `Unknown key "${part}" in shortcut "${text}"`);
  });
  result.key = key ?? '';
  if (result.mod) {
    const target = platform === 'mac' ? 'meta' : 'ctrl';
    if (result[target]) throw new ShortcutError(text, `Shortcut "${text}" names Mod and ${target === 'meta' ? 'Meta' : 'Ctrl'}, the same key on this platform`);
    result[target] = true;
  }
  return result;
}

/** The key a physical `code` produces without modifiers on a US layout, or `null`. */
function keyFromCode(code: string | undefined): string | null {
  if (code === undefined) return null;
  const m = /^(?:Key([A-Z])|Digit([0-9])|Numpad([0-9]))$/.exec(code);
  if (m !== null) return (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase();
  const punctuation: Record<string, string> = {
    Minus: '-', Equal: '=', BracketLeft: '[', BracketRight: ']', Backslash: '\\', Semicolon: ';',
    Quote: "'", Backquote: '`', Comma: ',', Period: '.', Slash: '/', Space: 'Space', NumpadAdd: '+',
  };
  return punctuation[code] ?? null;
}

/**
 * True when `event` triggers `shortcut` (a string is parsed for `platform`). Ctrl, Meta and Alt
 * must match exactly. The key matches by `event.key` (case-insensitive, aliases such as `Esc`,
 * `Del`, `' '` understood) or — only when `event.key` is not a Latin letter or digit — by the
 * physical `event.code`, so `Shift+1` matches the `!` that Shift+1 types, `Alt+Z` matches the `Ω`
 * that Option+Z types on a Mac, `Mod+Z` works on a Russian layout, and `1` matches the `&` key of
 * an AZERTY keyboard; a layout that types a Latin letter or digit is always taken at its word. Shift must match too, except for a punctuation
 * shortcut matched by `event.key`: `?` matches whether or not the layout needed Shift to type it.
 */
export function matchShortcut(shortcut: Shortcut | string, event: KeyEventLike, platform: Platform = detectPlatform()): boolean {
  const s = typeof shortcut === 'string' ? parseShortcut(shortcut, platform) : shortcut;
  if (s.ctrl !== event.ctrlKey || s.meta !== event.metaKey || s.alt !== event.altKey) return false;
  const typed = normalizeKey(event.key);
  if (typed === s.key) {
    if (s.shift === event.shiftKey) return true;
    const punctuation = Array.from(s.key).length === 1 && !/[\p{L}\p{N}]/u.test(s.key);
    return punctuation && !s.shift;
  }
  // A layout that types a Latin letter or digit is taken at its word (AZERTY's A is A, not Q).
  if (typed !== null && /^[a-z0-9]$/.test(typed)) return false;
  return s.shift === event.shiftKey && keyFromCode(event.code) === s.key;
}

const MAC_SYMBOLS: Record<string, string> = {
  Escape: '⎋', Delete: '⌦', Backspace: '⌫', Enter: '↩', Tab: '⇥', Space: 'Space',
  ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', PageUp: '⇞', PageDown: '⇟', Home: '↖', End: '↘',
};
const OTHER_NAMES: Record<string, string> = {
  Escape: 'Esc', Delete: 'Del', ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', '+': 'Plus',
};

/**
 * A shortcut for display: `⌘⇧Z` on `'mac'` (modifiers in Apple's order ⌃⌥⇧⌘), `Ctrl+Shift+Z`
 * elsewhere (order Ctrl, Alt, Shift, Meta). Letters are shown upper-case.
 */
export function formatShortcut(shortcut: Shortcut | string, platform: Platform = detectPlatform()): string {
  const s = typeof shortcut === 'string' ? parseShortcut(shortcut, platform) : shortcut;
  const key = s.key.length === 1 ? s.key.toUpperCase() : s.key;
  if (platform === 'mac') {
    return `${s.ctrl ? '⌃' : ''}${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${s.meta ? '⌘' : ''}${MAC_SYMBOLS[key] ?? key}`;
  }
  const parts: string[] = [];
  if (s.ctrl) parts.push('Ctrl');
  if (s.alt) parts.push('Alt');
  if (s.shift) parts.push('Shift');
  if (s.meta) parts.push('Meta');
  parts.push(OTHER_NAMES[key] ?? key);
  return parts.join('+');
}

/**
 * A canonical string for a parsed shortcut (`"ctrl+shift+z"`), equal for two shortcuts exactly
 * when they fire on the same keys: used to detect conflicts.
 */
export function shortcutId(s: Shortcut): string {
  return `${s.ctrl ? 'ctrl+' : ''}${s.meta ? 'meta+' : ''}${s.alt ? 'alt+' : ''}${s.shift ? 'shift+' : ''}${s.key}`;
}
