import { describe, expect, it } from 'vitest';
import { defineSchema } from '@labelkit/core';
import { labelHotkeyConflicts } from './use-annotator-hotkeys.js';

describe('labelHotkeyConflicts', () => {
  const schema = defineSchema({
    labels: [
      { id: 'person', name: 'Person', color: '#e6194b', hotkey: 'p' },
      { id: 'car', name: 'Car', color: '#3cb44b', hotkey: '2' },
    ],
  });
  const hotkeys = [
    { id: 'person', hotkey: 'p' },
    { id: 'car', hotkey: '2' },
  ];

  it('names the shadowed label, its key and the action that wins, and how to fix it', () => {
    const messages = labelHotkeyConflicts({ polygonTool: 'P', undo: 'Mod+Z' }, hotkeys, schema);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('"p" of label "Person"');
    expect(messages[0]).toContain('"polygonTool" shortcut');
    expect(messages[0]).toMatch(/keymap prop/);
  });

  it('says nothing when labels and actions use different keys, or there are no label hotkeys', () => {
    expect(labelHotkeyConflicts({ polygonTool: 'Shift+P', undo: 'Mod+Z' }, hotkeys, schema)).toEqual([]);
    expect(labelHotkeyConflicts({ polygonTool: 'P' }, [], schema)).toEqual([]);
  });
});
