import { describe, expect, it, vi } from 'vitest';
import { act, render, renderHook } from '@testing-library/react';
import { useRef, useState } from 'react';
import type { Annotation, BBoxAnnotation, ChangeSet } from '@labelkit/core';
import { useAnnotations } from './use-annotations.js';
import { useSelection } from './use-selection.js';
import { useAnnotatorHotkeys } from './use-annotator-hotkeys.js';
import { DEFAULT_KEYMAP, defineSchema } from '@labelkit/core';

const box = (id: string, x = 0): BBoxAnnotation => ({ id, kind: 'bbox', label: 'car', x, y: 0, width: 10, height: 10 });

describe('useAnnotations', () => {
  it('works uncontrolled: edits, undo and redo reach onChange', () => {
    const onChange = vi.fn<(next: Annotation[], change: ChangeSet) => void>();
    const { result } = renderHook(() => useAnnotations({ defaultValue: [box('a')], onChange }));
    act(() => void result.current.apply({ updated: [box('a', 5)] }));
    expect(result.current.annotations[0]).toMatchObject({ x: 5 });
    expect(result.current.canUndo).toBe(true);
    act(() => result.current.undo());
    expect(result.current.annotations[0]).toMatchObject({ x: 0 });
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange.mock.calls[1]![1].cause).toBe('undo');
    act(() => result.current.redo());
    expect(result.current.annotations[0]).toMatchObject({ x: 5 });
  });

  it('a drag reaches onChange once at its end and onDragMove move by move; controlled, the draft shows meanwhile', () => {
    const onDragMove = vi.fn<(next: Annotation[] | null, change: ChangeSet | null) => void>();
    const onChange = vi.fn<(next: Annotation[], change: ChangeSet) => void>();
    function useHost() {
      const [value, setValue] = useState<Annotation[]>([box('a')]);
      const ann = useAnnotations({
        value,
        onDragMove,
        onChange: (next, change) => {
          onChange(next, change);
          setValue(next);
        },
      });
      return { value, ann };
    }
    const { result } = renderHook(() => useHost());
    act(() => result.current.ann.beginGesture());
    for (const x of [1, 2, 3]) act(() => void result.current.ann.apply({ updated: [box('a', x)] }));
    expect(onChange).not.toHaveBeenCalled();
    expect(onDragMove).toHaveBeenCalledTimes(3);
    // The host's value is still the old one; the annotator renders the draft.
    expect(result.current.value[0]).toMatchObject({ x: 0 });
    expect(result.current.ann.annotations[0]).toMatchObject({ x: 3 });
    act(() => result.current.ann.endGesture());
    expect(onChange).toHaveBeenCalledTimes(1);
    // The end of the drafts, after the one onChange.
    expect(onDragMove).toHaveBeenCalledTimes(4);
    expect(onDragMove.mock.lastCall).toEqual([null, null]);
    expect(onChange.mock.calls[0]![1].updated.map(([bf, af]) => [bf, af].map((a) => (a as BBoxAnnotation).x))).toEqual([[0, 3]]);
    expect(result.current.value[0]).toMatchObject({ x: 3 });
    act(() => void result.current.ann.undo());
    expect(result.current.value[0]).toMatchObject({ x: 0 });
  });

  it('works controlled: renders value, sends undo through onChange, keeps history across new values', () => {
    function useHost() {
      const [value, setValue] = useState<Annotation[]>([box('a')]);
      const ann = useAnnotations({ value, onChange: (next) => setValue(next) });
      return { value, setValue, ann };
    }
    const { result } = renderHook(() => useHost());
    act(() => void result.current.ann.apply({ updated: [box('a', 7)] }));
    expect(result.current.value[0]).toMatchObject({ x: 7 });
    // The host replaces the array with equal content and a new annotation: ids stable, history kept.
    act(() => result.current.setValue([box('a', 7), box('host')]));
    expect(result.current.ann.annotations.map((a) => a.id)).toEqual(['a', 'host']);
    expect(result.current.ann.canUndo).toBe(true);
    act(() => result.current.ann.undo());
    expect(result.current.value.find((a) => a.id === 'a')).toMatchObject({ x: 0 });
    expect(result.current.value.map((a) => a.id)).toEqual(['a', 'host']);
  });

  it('a host that ignores onChange keeps its value', () => {
    const { result } = renderHook(() => useAnnotations({ value: [box('a')], onChange: () => {} }));
    act(() => void result.current.apply({ updated: [box('a', 9)] }));
    expect(result.current.annotations[0]).toMatchObject({ x: 0 });
  });
});

describe('useSelection', () => {
  it('selects, toggles, and drops ids that disappear', () => {
    let anns: Annotation[] = [box('a'), box('b')];
    const onSelectionChange = vi.fn();
    const { result, rerender } = renderHook(() => useSelection({ annotations: anns, onSelectionChange }));
    act(() => result.current.select(['a']));
    act(() => result.current.select(['b'], 'toggle'));
    expect(result.current.selectedIds).toEqual(['a', 'b']);
    anns = [box('b')];
    rerender();
    expect(result.current.selectedIds).toEqual(['b']);
    expect(onSelectionChange).toHaveBeenLastCalledWith(['b']);
  });
});

describe('useAnnotatorHotkeys', () => {
  const schema = defineSchema({ labels: [{ id: 'car', hotkey: '1', kinds: ['bbox'] }, { id: 'bus', hotkey: '2', kinds: ['bbox'] }] });
  function Annotator({ onUndo, onLabel }: { onUndo: () => void; onLabel: (id: string) => void }) {
    const ref = useRef<HTMLDivElement>(null);
    useAnnotatorHotkeys(ref, DEFAULT_KEYMAP, { undo: () => onUndo() }, { schema, onLabelHotkey: onLabel });
    return (
      <div ref={ref} tabIndex={0} data-testid="root">
        <input data-testid="inside" />
      </div>
    );
  }

  it('fires only while focus is inside the annotator, never while typing in its inputs', () => {
    const onUndo = vi.fn();
    const onLabel = vi.fn();
    const { getByTestId } = render(
      <>
        <input data-testid="outside" />
        <Annotator onUndo={onUndo} onLabel={onLabel} />
      </>,
    );
    const key = (el: HTMLElement, init: KeyboardEventInit) => el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    key(getByTestId('outside'), { key: 'z', code: 'KeyZ', ctrlKey: true });
    key(getByTestId('outside'), { key: '2', code: 'Digit2' });
    expect(onUndo).not.toHaveBeenCalled();
    expect(onLabel).not.toHaveBeenCalled();
    key(getByTestId('root'), { key: 'z', code: 'KeyZ', ctrlKey: true });
    expect(onUndo).toHaveBeenCalledTimes(1);
    key(getByTestId('root'), { key: '2', code: 'Digit2' });
    expect(onLabel).toHaveBeenCalledWith('bus', expect.anything());
    key(getByTestId('inside'), { key: '1', code: 'Digit1' });
    expect(onLabel).toHaveBeenCalledTimes(1);
  });
});
