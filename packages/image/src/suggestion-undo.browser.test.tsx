import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { BBoxAnnotation } from '@labelkit/core';
import { cleanup, click, key, lastValue, live, mount } from './test-utils/annotator-harness.js';

afterEach(cleanup);

const s1: BBoxAnnotation = { id: 's1', kind: 'bbox', label: 'car', x: 100, y: 100, width: 80, height: 60, score: 0.9, source: 'model' };
const s2: BBoxAnnotation = { ...s1, id: 's2', x: 300, score: 0.6 };

/** Mounts the annotator with two suggestions; returns it with its spies and readers. */
async function setup() {
  const onChange = vi.fn();
  const onSuggestionDecision = vi.fn();
  const m = await mount({ onChange, onSuggestionDecision, suggestions: [s1, s2], defaultTool: 'select' });
  const { annotator } = m;
  act(() => annotator.focus());
  return {
    ...m,
    onChange,
    onSuggestionDecision,
    pending: () => annotator.querySelector('.lk-suggestion-count')?.textContent,
    button: (name: 'Undo' | 'Redo') => annotator.querySelector<HTMLButtonElement>(`.lk-toolbar button[aria-label="${name}"]`)!,
    decisions: () => onSuggestionDecision.mock.calls.map(([d]) => `${d.decision} ${d.id}`),
    undo: () => key(annotator, 'z', { ctrlKey: true }),
    redo: () => key(annotator, 'z', { ctrlKey: true, shiftKey: true }),
  };
}

describe('undo of suggestion decisions', () => {
  it('Ctrl+Z takes back a rejection made with the keyboard: the suggestion is pending again, reported undone; redo rejects it again', async () => {
    const t = await setup();
    expect(t.button('Undo').disabled).toBe(true);
    key(t.annotator, 'Delete', { shiftKey: true });
    expect(t.decisions()).toEqual(['rejected s1']);
    expect(t.pending()).toBe('1 of 2 pending');
    // A rejection changes no annotation, yet undo has something to do.
    expect(t.onChange).not.toHaveBeenCalled();
    expect(t.ref.current!.canUndo()).toBe(true);
    expect(t.ref.current!.canRedo()).toBe(false);
    expect(t.button('Undo').disabled).toBe(false);

    t.undo();
    expect(t.decisions()).toEqual(['rejected s1', 'undone s1']);
    expect(t.pending()).toBe('2 of 2 pending');
    expect(live()).toMatch(/Undone: rejection of suggestion Car/);
    expect(t.ref.current!.canUndo()).toBe(false);
    expect(t.ref.current!.canRedo()).toBe(true);
    expect(t.button('Undo').disabled).toBe(true);
    expect(t.button('Redo').disabled).toBe(false);
    // Visible and selectable again: a click on it selects it for editing.
    await click(t.canvas, [140, 130]);
    expect(live()).toMatch(/Suggestion Car score 0.90 selected/);

    act(() => t.annotator.focus());
    t.redo();
    expect(t.decisions()).toEqual(['rejected s1', 'undone s1', 'rejected s1']);
    expect(t.pending()).toBe('1 of 2 pending');
    expect(live()).toMatch(/Redone: rejection of suggestion Car/);
    expect(t.ref.current!.canRedo()).toBe(false);
    expect(t.onChange).not.toHaveBeenCalled();
  });

  it('an undone rejection is the current suggestion again: Enter accepts it', async () => {
    const t = await setup();
    key(t.annotator, 'Delete', { shiftKey: true });
    t.undo();
    key(t.annotator, 'Enter');
    expect(lastValue(t.onChange)).toEqual([s1]);
    expect(t.decisions()).toEqual(['rejected s1', 'undone s1', 'accepted s1']);
  });

  it('undo and redo take back accepts and rejections in the order they happened, from the keys and the handle', async () => {
    const t = await setup();
    key(t.annotator, 'Delete', { shiftKey: true }); // rejects s1
    key(t.annotator, 'Enter'); // accepts s2 (a store step)
    expect(lastValue(t.onChange)).toEqual([s2]);
    expect(t.pending()).toBe('0 of 2 pending');

    t.undo(); // the accept first
    expect(lastValue(t.onChange)).toEqual([]);
    expect(t.pending()).toBe('1 of 2 pending');
    t.undo(); // then the rejection
    expect(t.pending()).toBe('2 of 2 pending');
    expect(t.decisions()).toEqual(['rejected s1', 'accepted s2', 'undone s2', 'undone s1']);
    expect(t.ref.current!.canUndo()).toBe(false);

    t.redo(); // the rejection first
    expect(t.pending()).toBe('1 of 2 pending');
    expect(t.onChange).toHaveBeenCalledTimes(2);
    t.redo(); // then the accept
    expect(lastValue(t.onChange)).toEqual([s2]);
    expect(t.decisions().slice(4)).toEqual(['rejected s1', 'accepted s2']);

    // The handle does the same.
    act(() => t.ref.current!.undo());
    act(() => t.ref.current!.undo());
    expect(t.pending()).toBe('2 of 2 pending');
    expect(t.ref.current!.canUndo()).toBe(false);
    act(() => t.ref.current!.redo());
    expect(t.pending()).toBe('1 of 2 pending');
    expect(t.decisions().at(-1)).toBe('rejected s1');
  });

  it('rejecting all is one step: one undo brings every suggestion back; the toolbar buttons undo and redo it', async () => {
    const t = await setup();
    key(t.annotator, 'Backspace', { altKey: true, shiftKey: true });
    expect(t.decisions()).toEqual(['rejected s1', 'rejected s2']);
    expect(t.pending()).toBe('0 of 2 pending');
    act(() => t.button('Undo').click());
    expect(t.pending()).toBe('2 of 2 pending');
    expect(t.decisions().slice(2)).toEqual(['undone s1', 'undone s2']);
    expect(live()).toMatch(/Undone: rejection of 2 suggestions/);
    act(() => t.button('Redo').click());
    expect(t.pending()).toBe('0 of 2 pending');
    expect(t.decisions().slice(4)).toEqual(['rejected s1', 'rejected s2']);
  });

  it('a new edit after an undone rejection drops its redo', async () => {
    const t = await setup();
    key(t.annotator, 'Delete', { shiftKey: true });
    t.undo();
    key(t.annotator, 'Enter'); // accepts s1: a new step
    expect(t.ref.current!.canRedo()).toBe(false);
    t.redo();
    expect(t.decisions()).toEqual(['rejected s1', 'undone s1', 'accepted s1']);
    expect(live()).toMatch(/Nothing to redo/);
  });
});

describe('the suggestion bar', () => {
  it('accepts every pending suggestion scored at least the threshold, as one undo step', async () => {
    const t = await setup();
    const bar = t.annotator.querySelector<HTMLElement>('[aria-label="Suggestions"]')!;
    const atOrAbove = [...bar.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Accept ≥'))!;
    expect(atOrAbove.textContent).toBe('Accept ≥ 0.80 (1)');
    act(() => atOrAbove.click());
    expect(lastValue(t.onChange)).toEqual([s1]);
    expect(t.decisions()).toEqual(['accepted s1']);
    expect(t.pending()).toBe('1 of 2 pending');
    t.undo();
    expect(t.decisions()).toEqual(['accepted s1', 'undone s1']);
    expect(t.pending()).toBe('2 of 2 pending');
  });
});
