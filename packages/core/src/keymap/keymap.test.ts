import { describe, it, expect } from 'vitest';
import { DEFAULT_KEYMAP, findConflicts, mergeKeymap, shortcutsOf } from './keymap.js';
import { parseShortcut } from './shortcut.js';

describe('DEFAULT_KEYMAP', () => {
  it('parses on both platforms and has no conflicts', () => {
    for (const platform of ['mac', 'other'] as const) {
      for (const binding of Object.values(DEFAULT_KEYMAP)) {
        for (const s of shortcutsOf(binding)) expect(() => parseShortcut(s, platform)).not.toThrow();
      }
      expect(findConflicts(DEFAULT_KEYMAP, {}, platform)).toEqual([]);
    }
  });

  it('leaves digits free for label hotkeys', () => {
    const hotkeys = Object.fromEntries('0123456789'.split('').map((d) => [`label${d}`, d]));
    expect(findConflicts(DEFAULT_KEYMAP, hotkeys, 'other')).toEqual([]);
  });
});

describe('mergeKeymap', () => {
  it('replaces, unbinds, adds, and ignores undefined without touching its inputs', () => {
    const overrides = { undo: 'Mod+U', redo: [], custom: 'X', copy: undefined };
    const merged = mergeKeymap(DEFAULT_KEYMAP, overrides);
    expect(merged.undo).toBe('Mod+U');
    expect(merged.redo).toEqual([]);
    expect(merged.custom).toBe('X');
    expect(merged.copy).toBe('Mod+C');
    expect(DEFAULT_KEYMAP.undo).toBe('Mod+Z');
    expect(mergeKeymap({ a: 'A' }, undefined)).toEqual({ a: 'A' });
  });
});

describe('findConflicts', () => {
  it('reports pairs sharing a shortcut, per platform, label hotkeys included', () => {
    const keymap = { undo: 'Mod+Z', oops: 'Ctrl+Z', hide: 'H' };
    expect(findConflicts(keymap, {}, 'other')).toEqual([{ a: 'undo', b: 'oops', shortcut: 'Ctrl+Z' }]);
    expect(findConflicts(keymap, {}, 'mac')).toEqual([]);
    expect(findConflicts(keymap, { person: 'h' }, 'mac')).toEqual([{ a: 'hide', b: 'label:person', shortcut: 'h' }]);
    expect(findConflicts({ a: ['X', 'x'] }, {}, 'mac')).toEqual([]);
  });

  it('names the action whose shortcut is bad', () => {
    expect(() => findConflicts({ undo: 'Mod+Zed' }, {}, 'mac')).toThrow(/^undo: Unknown key "Zed"/);
  });
});
