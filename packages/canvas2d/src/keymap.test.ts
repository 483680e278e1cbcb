import { describe, expect, it } from 'vitest';
import { findConflicts, matchShortcut, parseShortcut } from '@labelkit/core';
import { IMAGE_KEYMAP } from './keymap.js';

describe('IMAGE_KEYMAP', () => {
  it('parses and has no conflicts with itself or with digit label hotkeys, except the deliberate Enter/Escape aliases', () => {
    const hotkeys = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => [`l${d}`, d]));
    const conflicts = findConflicts(IMAGE_KEYMAP, hotkeys, 'other').map((c) => `${c.a}/${c.b}`);
    // finish/acceptSuggestion share Enter and cancel/deselect share Escape: the active tool or mode decides.
    expect(conflicts.sort()).toEqual(['acceptSuggestion/finish', 'deselect/cancel']);
  });
  it('1:1 is on 0, not on a digit a label hotkey would use', () => {
    expect(matchShortcut(parseShortcut(IMAGE_KEYMAP.actualSize, 'other'), { key: '0', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false }, 'other')).toBe(true);
  });
});
