import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { BBoxAnnotation } from '@labelkit/core';
import { cleanup, click, drag, key, lastValue, live, mount } from './test-utils/annotator-harness.js';

afterEach(cleanup);

const box: BBoxAnnotation = { id: 'b1', kind: 'bbox', label: 'car', x: 100, y: 100, width: 80, height: 60 };
/** The live region's text without the zero-width space it adds to repeat a message. */
const said = () => live().replace(/\u200b/g, '');
const toolPressed = (annotator: HTMLElement) => annotator.querySelector('.lk-toolbar button[aria-pressed="true"]')?.getAttribute('aria-label');

describe('Escape, relabel keys and undo do what the shortcut help says', () => {
  it('Escape deselects, then does nothing more: the box tool stays and still draws', async () => {
    const onChange = vi.fn();
    const { canvas, annotator } = await mount({ onChange, defaultValue: [box], defaultTool: 'bbox' });
    const before = toolPressed(annotator);
    expect(before).toMatch(/box/i);
    await click(canvas, [140, 130]);
    act(() => annotator.focus());
    key(annotator, 'Escape');
    expect(said()).toBe('Selection cleared');
    key(annotator, 'Escape');
    key(annotator, 'Escape');
    expect(toolPressed(annotator)).toBe(before);
    expect(said()).not.toMatch(/tool/i);
    await drag(canvas, [400, 300], [450, 340]);
    expect(lastValue(onChange).at(-1)).toMatchObject({ kind: 'bbox', x: 400, y: 300, width: 50, height: 40 });
  });

  it('a label key on a selected box relabels it and leaves the active label alone; with nothing selected it sets the active label', async () => {
    const onChange = vi.fn();
    const onActiveLabelChange = vi.fn();
    const { canvas, annotator } = await mount({ onChange, onActiveLabelChange, defaultValue: [box], defaultTool: 'bbox' });
    await click(canvas, [140, 130]);
    act(() => annotator.focus());
    key(annotator, '2');
    expect(lastValue(onChange)[0]).toMatchObject({ id: 'b1', label: 'person' });
    expect(said()).toBe('Changed 1 shape to Person');
    expect(onActiveLabelChange).not.toHaveBeenCalled();
    // The next box still gets the active label (Car, the first).
    key(annotator, 'Escape');
    await drag(canvas, [400, 300], [450, 340]);
    expect(lastValue(onChange).at(-1)).toMatchObject({ kind: 'bbox', label: 'car', x: 400 });
    key(annotator, 'Escape');
    key(annotator, '2');
    expect(onActiveLabelChange).toHaveBeenLastCalledWith('person');
    expect(said()).toBe('Label Person');
    await drag(canvas, [500, 100], [540, 140]);
    expect(lastValue(onChange).at(-1)).toMatchObject({ kind: 'bbox', label: 'person', x: 500 });
  });

  it('undo of a delete selects the box it brings back and says what was undone; redo says what was redone', async () => {
    const onChange = vi.fn();
    const onSelectionChange = vi.fn();
    const { canvas, annotator } = await mount({ onChange, onSelectionChange, defaultValue: [box], defaultTool: 'select' });
    await click(canvas, [140, 130]);
    act(() => annotator.focus());
    key(annotator, 'Delete');
    expect(lastValue(onChange)).toEqual([]);
    expect(onSelectionChange).toHaveBeenLastCalledWith([]);
    key(annotator, 'z', { ctrlKey: true });
    expect(lastValue(onChange)).toEqual([box]);
    expect(onSelectionChange).toHaveBeenLastCalledWith(['b1']);
    expect(said()).toBe('Undone: deleted Car box, restored');
    key(annotator, 'z', { ctrlKey: true, shiftKey: true });
    expect(lastValue(onChange)).toEqual([]);
    expect(onSelectionChange).toHaveBeenLastCalledWith([]);
    expect(said()).toBe('Redone: deleted Car box');
    key(annotator, 'z', { ctrlKey: true });
    expect(onSelectionChange).toHaveBeenLastCalledWith(['b1']);
    // Selected, so the next key acts on it.
    key(annotator, 'ArrowRight');
    expect(lastValue(onChange)[0]).toMatchObject({ id: 'b1', x: 101 });
    key(annotator, 'z', { ctrlKey: true });
    expect(lastValue(onChange)[0]).toMatchObject({ x: 100 });
    expect(said()).toBe('Undone: edit of Car box');
    key(annotator, 'z', { ctrlKey: true, shiftKey: true });
    expect(lastValue(onChange)[0]).toMatchObject({ x: 101 });
    expect(said()).toBe('Redone: edit of Car box');
  });
});
