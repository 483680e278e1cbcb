import { describe, it, expect } from 'vitest';
import { createKeyDispatcher } from './dispatch.js';
import { DEFAULT_KEYMAP } from './keymap.js';
import type { KeyEventLike } from './shortcut.js';

const ev = (key: string, mods: Partial<KeyEventLike> = {}): KeyEventLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('createKeyDispatcher', () => {
  it('runs the matching handler and reports whether the key was handled', () => {
    const calls: string[] = [];
    const dispatch = createKeyDispatcher(
      DEFAULT_KEYMAP,
      { undo: () => void calls.push('undo'), redo: () => void calls.push('redo') },
      { platform: 'mac' },
    );
    expect(dispatch(ev('z', { metaKey: true }))).toBe(true);
    expect(dispatch(ev('Z', { metaKey: true, shiftKey: true }))).toBe(true);
    expect(dispatch(ev('y', { metaKey: true }))).toBe(true);
    expect(dispatch(ev('z', { ctrlKey: true }))).toBe(false);
    expect(dispatch(ev('Delete'))).toBe(false); // bound, but no handler
    expect(calls).toEqual(['undo', 'redo', 'redo']);
  });

  it('lets a handler decline so a later action on the same key can run', () => {
    const calls: string[] = [];
    const dispatch = createKeyDispatcher(
      { deselect: 'Escape', closePicker: 'Esc' },
      { deselect: () => false, closePicker: () => void calls.push('close') },
      { platform: 'other' },
    );
    expect(dispatch(ev('Escape'))).toBe(true);
    expect(calls).toEqual(['close']);
    const none = createKeyDispatcher({ deselect: 'Escape' }, { deselect: () => false }, { platform: 'other' });
    expect(none(ev('Escape'))).toBe(false);
  });

  it('rejects a bad keymap when created, naming the action', () => {
    expect(() => createKeyDispatcher({ save: 'Mod+Sve' }, {}, { platform: 'other' })).toThrow(/save: Unknown key "Sve"/);
  });
});
