import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  detectPlatform,
  formatShortcut,
  matchShortcut,
  normalizeKey,
  parseShortcut,
  shortcutId,
  ShortcutError,
  type KeyEventLike,
} from './shortcut.js';

const ev = (key: string, mods: Partial<KeyEventLike> = {}): KeyEventLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('parseShortcut', () => {
  it('resolves Mod per platform and normalises the key', () => {
    expect(parseShortcut('Mod+Shift+Z', 'mac')).toEqual({ key: 'z', mod: true, ctrl: false, meta: true, alt: false, shift: true });
    expect(parseShortcut('mod+shift+z', 'other')).toEqual({ key: 'z', mod: true, ctrl: true, meta: false, alt: false, shift: true });
    expect(parseShortcut('Cmd+Option+Esc', 'other')).toMatchObject({ key: 'Escape', meta: true, alt: true });
    expect(parseShortcut('Del', 'other').key).toBe('Delete');
    expect(parseShortcut('Ctrl+Plus', 'other').key).toBe('+');
    expect(parseShortcut('Ctrl++', 'other')).toMatchObject({ key: '+', ctrl: true });
    expect(parseShortcut('+', 'other').key).toBe('+');
    expect(parseShortcut(' Space ', 'other').key).toBe('Space');
    expect(parseShortcut('f12', 'other').key).toBe('F12');
    expect(parseShortcut('Up', 'other').key).toBe('ArrowUp');
  });

  it('names the bad part in its errors', () => {
    expect(() => parseShortcut('Ctrl+Foo', 'other')).toThrow(/Unknown key "Foo"/);
    expect(() => parseShortcut('Hyper+Z', 'other')).toThrow(/Unknown modifier "Hyper"/);
    expect(() => parseShortcut('Shift+Shift+Z', 'other')).toThrow(/"Shift" appears twice/);
    expect(() => parseShortcut('Ctrl+Shift', 'other')).toThrow(/no key/);
    expect(() => parseShortcut('Ctrl++Z', 'other')).toThrow(/Empty part at position 2/);
    expect(() => parseShortcut('', 'other')).toThrow(ShortcutError);
    expect(() => parseShortcut('Mod+Meta+Z', 'mac')).toThrow(/Mod and Meta/);
    expect(parseShortcut('Mod+Meta+Z', 'other')).toMatchObject({ ctrl: true, meta: true });
  });
});

describe('matchShortcut', () => {
  it('matches modifiers exactly and letters in any case', () => {
    expect(matchShortcut('Mod+Z', ev('z', { metaKey: true }), 'mac')).toBe(true);
    expect(matchShortcut('Mod+Z', ev('z', { ctrlKey: true }), 'mac')).toBe(false);
    expect(matchShortcut('Mod+Z', ev('z', { ctrlKey: true }), 'other')).toBe(true);
    expect(matchShortcut('Mod+Z', ev('Z', { ctrlKey: true, shiftKey: true }), 'other')).toBe(false);
    expect(matchShortcut('Mod+Shift+Z', ev('Z', { ctrlKey: true, shiftKey: true }), 'other')).toBe(true);
    expect(matchShortcut('H', ev('H'), 'other')).toBe(true); // Caps Lock
    expect(matchShortcut('H', ev('h', { altKey: true }), 'other')).toBe(false);
  });

  it('understands aliases', () => {
    expect(matchShortcut('Esc', ev('Escape'), 'other')).toBe(true);
    expect(matchShortcut('Escape', ev('Esc'), 'other')).toBe(true); // old Edge
    expect(matchShortcut('Del', ev('Delete'), 'other')).toBe(true);
    expect(matchShortcut('Space', ev(' ', { code: 'Space' }), 'other')).toBe(true);
    expect(matchShortcut('Plus', ev('+', { shiftKey: true, code: 'Equal' }), 'other')).toBe(true);
  });

  it('matches Shift+digit by code and punctuation whatever Shift it took', () => {
    expect(matchShortcut('Shift+1', ev('!', { shiftKey: true, code: 'Digit1' }), 'other')).toBe(true);
    expect(matchShortcut('1', ev('!', { shiftKey: true, code: 'Digit1' }), 'other')).toBe(false);
    expect(matchShortcut('!', ev('!', { shiftKey: true, code: 'Digit1' }), 'other')).toBe(true);
    expect(matchShortcut('?', ev('?', { shiftKey: true, code: 'Slash' }), 'other')).toBe(true);
    expect(matchShortcut('/', ev('?', { shiftKey: true, code: 'Slash' }), 'other')).toBe(false);
    expect(matchShortcut('Shift+?', ev('?', { code: 'Minus' }), 'other')).toBe(false);
  });

  it('falls back to the physical key only when the layout does not type a Latin letter or digit', () => {
    expect(matchShortcut('Alt+Z', ev('Ω', { altKey: true, code: 'KeyZ' }), 'mac')).toBe(true);
    expect(matchShortcut('Mod+Z', ev('я', { ctrlKey: true, code: 'KeyZ' }), 'other')).toBe(true);
    expect(matchShortcut('1', ev('&', { code: 'Digit1' }), 'other')).toBe(true); // AZERTY
    expect(matchShortcut('Mod+Q', ev('a', { ctrlKey: true, code: 'KeyQ' }), 'other')).toBe(false); // AZERTY A
    expect(matchShortcut('Mod+A', ev('a', { ctrlKey: true, code: 'KeyQ' }), 'other')).toBe(true);
  });

  it('matches every shortcut it parses when the event types the key', () => {
    const keys = ['a', 'z', '5', '/', 'Escape', 'Delete', 'Enter', 'Tab', 'ArrowLeft', 'F3'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.constantFrom<'mac' | 'other'>('mac', 'other'),
        (key, ctrl, meta, alt, shift, platform) => {
          const text = [ctrl && 'Ctrl', meta && 'Meta', alt && 'Alt', shift && 'Shift', key].filter(Boolean).join('+');
          const event = ev(shift && key.length === 1 ? key.toUpperCase() : key, { ctrlKey: ctrl, metaKey: meta, altKey: alt, shiftKey: shift });
          expect(matchShortcut(text, event, platform)).toBe(true);
          expect(matchShortcut(text, { ...event, altKey: !alt }, platform)).toBe(false);
          expect(parseShortcut(text, platform)).toEqual(parseShortcut(formatShortcut(text, 'other').replace('Del', 'Delete').replace('Esc', 'Escape').replace(/[←]/, 'Left'), platform));
        }),
    );
  });
});

describe('formatShortcut', () => {
  it('uses symbols on mac and words elsewhere', () => {
    // Apple's menu order (⌃⌥⇧⌘), as macOS itself shows Redo.
    expect(formatShortcut('Mod+Shift+Z', 'mac')).toBe('⇧⌘Z');
    expect(formatShortcut('Mod+Shift+Z', 'other')).toBe('Ctrl+Shift+Z');
    expect(formatShortcut('Ctrl+Alt+Delete', 'mac')).toBe('⌃⌥⌦');
    expect(formatShortcut('Shift+Tab', 'other')).toBe('Shift+Tab');
    expect(formatShortcut('Escape', 'other')).toBe('Esc');
    expect(formatShortcut('Mod+Plus', 'other')).toBe('Ctrl+Plus');
  });
});

describe('platform detection and ids', () => {
  it('runs in Node without a navigator (or with one, on Node 21+)', () => {
    expect(['mac', 'other']).toContain(detectPlatform());
  });

  it('gives equal ids exactly for equivalent shortcuts', () => {
    expect(shortcutId(parseShortcut('Mod+Z', 'other'))).toBe(shortcutId(parseShortcut('ctrl+z', 'other')));
    expect(shortcutId(parseShortcut('Mod+Z', 'mac'))).not.toBe(shortcutId(parseShortcut('ctrl+z', 'mac')));
    expect(normalizeKey('Dead')).toBeNull();
  });
});
