import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { act, useState } from 'react';
import axe from 'axe-core';
import type { Annotation, BBoxAnnotation, ChangeSet, PolygonAnnotation } from '@labelkit/core';
import { IMAGE_RGB, cleanup, click, drag, key, keyUp, lastBox, lastValue, live, mount, pixel, pointer } from './test-utils/annotator-harness.js';

afterEach(cleanup);

const box = (id: string, x: number, y: number, width = 80, height = 60, label = 'car'): BBoxAnnotation => ({ id, kind: 'bbox', label, x, y, width, height });
const touch = (pointerId: number): PointerEventInit => ({ pointerType: 'touch', pointerId, isPrimary: pointerId === 11 });
/** Two fingers down at `a` and `b` and up again without moving (a pinch that changes nothing). */
async function twoFingerTap(canvas: HTMLElement, a: [number, number], b: [number, number]): Promise<void> {
  await act(async () => {
    pointer(canvas, 'pointerdown', a[0], a[1], touch(11));
    pointer(canvas, 'pointerdown', b[0], b[1], touch(12));
    pointer(canvas, 'pointerup', a[0], a[1], touch(11));
    pointer(canvas, 'pointerup', b[0], b[1], touch(12));
  });
}
/** Nothing drawn over the photo: transparent (the photo has a layer of its own), or the photo's colour. */
const isImage = (rgba: number[]) => rgba[3] === 0 || rgba.slice(0, 3).every((c, i) => Math.abs(c - IMAGE_RGB[i]!) <= 2);
/** Whether the static canvas shows anything but the photo within a pixel of canvas point (x, y). */
const drawnNear = (canvas: HTMLCanvasElement, x: number, y: number) => [-1, 0, 1].some((d) => !isImage(pixel(canvas, x + d, y)));

describe('touch, pen and space-drag', () => {
  it('two touch pointers pinch-zoom about their midpoint and pan; the fingers draw nothing; a pen then draws a box in image pixels', async () => {
    const onChange = vi.fn();
    const { canvas, ref } = await mount({ onChange, defaultTool: 'bbox' });
    await act(async () => {
      pointer(canvas, 'pointerdown', 300, 300, touch(11));
      pointer(canvas, 'pointerdown', 400, 300, touch(12));
      // Spread the fingers from 100 px to 200 px apart: zoom ×2 about (350, 300).
      for (let i = 1; i <= 4; i++) {
        pointer(canvas, 'pointermove', 300 - 12.5 * i, 300, touch(11));
        pointer(canvas, 'pointermove', 400 + 12.5 * i, 300, touch(12));
      }
    });
    let v = ref.current!.getView();
    expect(v.zoom).toBeCloseTo(2, 9);
    expect(v.x).toBeCloseTo(350 - 350 * 2, 6);
    expect(v.y).toBeCloseTo(300 - 300 * 2, 6);
    await act(async () => {
      // Both fingers move by (40, 20): the image follows them.
      pointer(canvas, 'pointermove', 290, 320, touch(11));
      pointer(canvas, 'pointermove', 490, 320, touch(12));
      pointer(canvas, 'pointerup', 290, 320, touch(11));
      pointer(canvas, 'pointermove', 500, 330, touch(12));
      pointer(canvas, 'pointerup', 500, 330, touch(12));
    });
    v = ref.current!.getView();
    expect(v.zoom).toBeCloseTo(2, 9);
    // The image point first under the fingers' midpoint (350, 300) is under the new midpoint (390, 320).
    expect(v.x).toBeCloseTo(390 - 350 * 2, 6);
    expect(v.y).toBeCloseTo(320 - 300 * 2, 6);
    expect(onChange).not.toHaveBeenCalled();
    await drag(canvas, [10, 10], [110, 60], { pointerType: 'pen', pointerId: 21 });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(lastBox(onChange)).toMatchObject({ kind: 'bbox', label: 'car', source: 'human', x: (10 - v.x) / 2, y: (10 - v.y) / 2, width: 50, height: 25 });
  });

  it('a second finger takes back what the first one did, but keeps a polygon or a box corner placed before it', async () => {
    const onChange = vi.fn();
    const { canvas, annotator } = await mount({ onChange, defaultTool: 'polygon' });
    await click(canvas, [100, 100], touch(11));
    await click(canvas, [200, 100], touch(11));
    // Two fingers down (the first one adds a vertex at first) and up again, without moving: a pinch.
    await twoFingerTap(canvas, [300, 300], [400, 300]);
    await click(canvas, [150, 200], touch(11));
    key(annotator, 'Enter');
    expect((lastValue(onChange)[0] as PolygonAnnotation).points).toEqual([[100, 100], [200, 100], [150, 200]]);

    // The box tool: one tap sets a corner; a pinch's first finger would finish the box — it is taken back.
    key(annotator, 'b');
    await click(canvas, [50, 300], touch(11));
    await twoFingerTap(canvas, [400, 400], [500, 400]);
    await click(canvas, [150, 370], touch(11));
    const boxes = lastValue(onChange).filter((a) => a.kind === 'bbox');
    expect(boxes).toHaveLength(1);
    expect(boxes[0]).toMatchObject({ x: 50, y: 300, width: 100, height: 70 });
  });

  it('space + drag pans (grab cursor) instead of drawing; without space the same drag draws', async () => {
    const onChange = vi.fn();
    const { canvas, canvasHost, annotator, ref } = await mount({ onChange, defaultTool: 'bbox' });
    annotator.focus();
    key(annotator, ' ', { code: 'Space' });
    expect(canvasHost.style.cursor).toBe('grab');
    await drag(canvas, [300, 300], [350, 330]);
    expect(ref.current!.getView()).toEqual({ zoom: 1, x: 50, y: 30 });
    expect(onChange).not.toHaveBeenCalled();
    keyUp(annotator, ' ', { code: 'Space' });
    expect(canvasHost.style.cursor).toBe('crosshair');
    await drag(canvas, [100, 100], [200, 150]);
    expect(lastBox(onChange)).toMatchObject({ x: 50, y: 70, width: 100, height: 50 });
  });
});

describe('copy, paste, duplicate, hide and lock', () => {
  it('Mod+C / Mod+V paste copies 10 px further each time; Mod+D duplicates the selection', async () => {
    const onChange = vi.fn();
    const onSelectionChange = vi.fn();
    const { canvas, annotator } = await mount({ onChange, onSelectionChange, defaultValue: [box('b1', 100, 100)], defaultTool: 'select' });
    await click(canvas, [140, 130]);
    annotator.focus();
    key(annotator, 'c', { ctrlKey: true });
    expect(live()).toMatch(/Copied 1 shape/);
    key(annotator, 'v', { ctrlKey: true });
    key(annotator, 'v', { ctrlKey: true });
    key(annotator, 'd', { ctrlKey: true });
    const all = lastValue(onChange) as BBoxAnnotation[];
    expect(all.map((a) => [a.x, a.y, a.width, a.height])).toEqual([[100, 100, 80, 60], [110, 110, 80, 60], [120, 120, 80, 60], [130, 130, 80, 60]]);
    expect(new Set(all.map((a) => a.id)).size).toBe(4);
    expect(all.slice(1).every((a) => a.source === 'human' && a.label === 'car')).toBe(true);
    expect(onSelectionChange).toHaveBeenLastCalledWith([all[3]!.id]);
    expect(live()).toMatch(/Duplicated 1 shape/);
  });

  it('a hidden shape (H) is neither drawn nor hit nor reached by Tab; Shift+H shows it again', async () => {
    const onSelectionChange = vi.fn();
    const { canvas, annotator, ref } = await mount({ onSelectionChange, defaultValue: [box('b1', 100, 100), box('b2', 300, 100, 80, 60, 'person')], defaultTool: 'select' });
    await click(canvas, [140, 130]);
    expect(onSelectionChange).toHaveBeenLastCalledWith(['b1']);
    annotator.focus();
    key(annotator, 'h');
    expect(live()).toMatch(/1 shape hidden; Shift\+H shows hidden shapes again/);
    expect(onSelectionChange).toHaveBeenLastCalledWith([]);
    act(() => ref.current!.flushView());
    expect(drawnNear(canvas, 100, 130)).toBe(false);
    expect(drawnNear(canvas, 300, 130)).toBe(true);
    await click(canvas, [100, 130]);
    expect(onSelectionChange).toHaveBeenLastCalledWith([]);
    key(annotator, 'Tab');
    expect(onSelectionChange).toHaveBeenLastCalledWith(['b2']);
    expect(live()).toMatch(/1 of 1/);
    key(annotator, 'H', { shiftKey: true });
    act(() => ref.current!.flushView());
    expect(drawnNear(canvas, 100, 130)).toBe(true);
    await click(canvas, [100, 130]);
    expect(onSelectionChange).toHaveBeenLastCalledWith(['b1']);
  });

  it('hiding a label in the side panel hides its shapes and drops them from the selection', async () => {
    const onSelectionChange = vi.fn();
    const { canvas, annotator, ref } = await mount({ onSelectionChange, sidePanel: true, defaultValue: [box('b1', 100, 100), box('b2', 300, 100, 80, 60, 'person')], defaultTool: 'select' });
    await click(canvas, [140, 130]);
    expect(onSelectionChange).toHaveBeenLastCalledWith(['b1']);
    const hideCar = annotator.querySelector<HTMLButtonElement>('button[aria-label="Hide Car"]')!;
    act(() => hideCar.click());
    expect(hideCar.getAttribute('aria-pressed')).toBe('true');
    expect(onSelectionChange).toHaveBeenLastCalledWith([]);
    expect(live()).toMatch(/Car hidden/);
    act(() => ref.current!.flushView());
    expect(drawnNear(canvas, 100, 130)).toBe(false);
    await click(canvas, [100, 130]);
    expect(onSelectionChange).toHaveBeenLastCalledWith([]);
    await click(canvas, [300, 130]);
    expect(onSelectionChange).toHaveBeenLastCalledWith(['b2']);
  });

  it('a locked shape (L) is not moved, nudged or deleted, and the live region says why', async () => {
    const onChange = vi.fn();
    const { canvas, annotator } = await mount({ onChange, defaultValue: [box('b1', 100, 100)], defaultTool: 'select' });
    await click(canvas, [140, 130]);
    annotator.focus();
    key(annotator, 'l');
    expect(live()).toMatch(/1 shape locked/);
    await drag(canvas, [140, 130], [190, 150]);
    expect(live()).toMatch(/Car box is locked and was not moved: press L to unlock/);
    key(annotator, 'Delete');
    expect(live()).toMatch(/Car box is locked and was not deleted: press L to unlock/);
    key(annotator, 'ArrowRight');
    expect(live()).toMatch(/was not moved/);
    key(annotator, ']');
    expect(live()).toMatch(/was not rotated/);
    expect(onChange).not.toHaveBeenCalled();
    key(annotator, 'l');
    key(annotator, 'ArrowRight');
    expect(lastBox(onChange)).toMatchObject({ id: 'b1', x: 101 });
  });

  it('locking a label in the side panel locks its shapes; the message points to the panel', async () => {
    const onChange = vi.fn();
    const { canvas, annotator } = await mount({ onChange, sidePanel: true, defaultValue: [box('b1', 100, 100), box('b2', 300, 100, 80, 60, 'person')], defaultTool: 'select' });
    act(() => annotator.querySelector<HTMLButtonElement>('button[aria-label="Lock Car"]')!.click());
    await drag(canvas, [140, 130], [190, 150]);
    expect(live()).toMatch(/Car box is locked and was not moved: unlock Car in the Labels panel/);
    // A group drag moves the unlocked shape and says the locked one stayed.
    key(annotator, 'a', { ctrlKey: true });
    await drag(canvas, [340, 130], [350, 140]);
    expect(lastValue(onChange).map((a) => [a.id, (a as BBoxAnnotation).x])).toEqual([['b1', 100], ['b2', 310]]);
    expect(live()).toMatch(/Moved Person box .*Car box is locked and was not moved/);
  });
});

describe('editing suggestions', () => {
  const s1: BBoxAnnotation = { id: 's1', kind: 'bbox', label: 'car', x: 100, y: 100, width: 80, height: 60, score: 0.9, source: 'model' };

  it('dragging a suggestion accepts it with the move, in one undo step; undo puts it back in review', async () => {
    const onChange = vi.fn();
    const onSuggestionDecision = vi.fn();
    const { canvas, annotator, ref } = await mount({ onChange, onSuggestionDecision, suggestions: [s1], defaultTool: 'select' });
    await drag(canvas, [140, 130], [190, 150]);
    expect(lastValue(onChange)).toEqual([{ ...s1, x: 150, y: 120 }]);
    expect(onSuggestionDecision.mock.calls).toEqual([[{ id: 's1', decision: 'accepted' }]]);
    expect(live()).toMatch(/Suggestion accepted with your edit: Car/);
    const pending = () => annotator.querySelector('.lk-suggestion-count')?.textContent;
    expect(pending()).toBe('0 of 1 pending');
    annotator.focus();
    key(annotator, 'z', { ctrlKey: true });
    expect(lastValue(onChange)).toEqual([]);
    expect(ref.current!.canUndo()).toBe(false);
    expect(pending()).toBe('1 of 1 pending');
    // Pending again (the host hears `undone`): Enter accepts it where the model put it.
    key(annotator, 'Enter');
    expect(lastValue(onChange)).toEqual([s1]);
    expect(onSuggestionDecision.mock.calls).toEqual([[{ id: 's1', decision: 'accepted' }], [{ id: 's1', decision: 'undone' }], [{ id: 's1', decision: 'accepted' }]]);
  });

  it('with the box tool, a click selects a suggestion and dragging its handle accepts it resized', async () => {
    const onChange = vi.fn();
    const onSuggestionDecision = vi.fn();
    const { canvas } = await mount({ onChange, onSuggestionDecision, suggestions: [s1], defaultTool: 'bbox' });
    await click(canvas, [140, 130]);
    expect(onChange).not.toHaveBeenCalled();
    expect(live()).toMatch(/Suggestion Car score 0.90 selected/);
    // The east handle of the box is at (180, 130).
    await drag(canvas, [180, 130], [220, 130]);
    expect(lastValue(onChange)).toEqual([{ ...s1, width: 120 }]);
    expect(onSuggestionDecision).toHaveBeenCalledWith({ id: 's1', decision: 'accepted' });
  });

  it('a label hotkey or an arrow on a selected suggestion accepts it changed; Escape during a drag accepts nothing', async () => {
    const onChange = vi.fn();
    const onSuggestionDecision = vi.fn();
    const s2: BBoxAnnotation = { ...s1, id: 's2', x: 300 };
    const { canvas, annotator } = await mount({ onChange, onSuggestionDecision, suggestions: [s1, s2], defaultTool: 'select' });
    await act(async () => {
      pointer(canvas, 'pointerdown', 140, 130);
      for (let x = 150; x <= 200; x += 10) pointer(canvas, 'pointermove', x, 140);
    });
    key(annotator, 'Escape');
    await act(async () => pointer(canvas, 'pointerup', 200, 140));
    expect(lastValue(onChange)).toEqual([]);
    expect(onSuggestionDecision).not.toHaveBeenCalled();
    expect(annotator.querySelector('.lk-suggestion-count')?.textContent).toBe('2 of 2 pending');
    await click(canvas, [140, 130]);
    annotator.focus();
    key(annotator, '2');
    expect(lastValue(onChange)).toEqual([{ ...s1, label: 'person' }]);
    expect(live()).toMatch(/Suggestion accepted as Person/);
    await click(canvas, [340, 130]);
    annotator.focus();
    key(annotator, 'ArrowRight');
    expect(lastValue(onChange)).toEqual([{ ...s1, label: 'person' }, { ...s2, x: 301 }]);
    expect(onSuggestionDecision.mock.calls).toEqual([[{ id: 's1', decision: 'accepted' }], [{ id: 's2', decision: 'accepted' }]]);
  });
});

describe('z-order', () => {
  const thousand = Array.from({ length: 1000 }, (_, i) => box(`b${i}`, (i % 40) * 15, Math.floor(i / 40) * 18, 30, 30));

  it('bring to front of one of 1,000 shapes is a change set naming only that shape; undo restores the order', async () => {
    const onChange = vi.fn<(next: Annotation[], change: ChangeSet) => void>();
    const { annotator, ref } = await mount({ onChange, defaultValue: thousand, defaultTool: 'select' });
    act(() => ref.current!.select(['b10']));
    annotator.focus();
    key(annotator, ']', { ctrlKey: true });
    expect(onChange).toHaveBeenCalledTimes(1);
    const [next, change] = onChange.mock.calls[0]!;
    expect(change).toEqual({ added: [], updated: [], removed: [], moved: [{ id: 'b10', from: 10, to: 999 }], origin: 'user', cause: 'edit' });
    expect(next.at(-1)?.id).toBe('b10');
    expect(live()).toMatch(/Brought to front/);
    key(annotator, 'z', { ctrlKey: true });
    const [undone, undoChange] = onChange.mock.calls[1]!;
    expect(undoChange.moved).toEqual([{ id: 'b10', from: 999, to: 10 }]);
    expect(undoChange.added.length + undoChange.removed.length + undoChange.updated.length).toBe(0);
    expect(undone.map((a) => a.id)).toEqual(thousand.map((a) => a.id));
    key(annotator, '[', { ctrlKey: true });
    expect(onChange.mock.calls[2]![1].moved).toEqual([{ id: 'b10', from: 10, to: 0 }]);
    key(annotator, '[', { ctrlKey: true });
    expect(onChange).toHaveBeenCalledTimes(3);
    expect(live()).toMatch(/Already at the back/);
  });

  it('works for a controlled host that keeps copies of the value', async () => {
    const onChange = vi.fn<(next: Annotation[], change: ChangeSet) => void>();
    function Host({ make }: { make: (extra: { value: Annotation[]; onChange: (n: Annotation[], c: ChangeSet) => void }) => React.ReactElement }) {
      const [value, setValue] = useState<Annotation[]>(thousand.slice(0, 50));
      return make({
        value,
        onChange: (n, c) => {
          setValue([...n]);
          onChange(n, c);
        },
      });
    }
    const { annotator, ref } = await mount({ defaultTool: 'select' }, undefined, undefined, (make) => <Host make={make} />);
    act(() => ref.current!.select(['b3', 'b1']));
    annotator.focus();
    key(annotator, ']', { ctrlKey: true });
    expect(onChange.mock.calls[0]![1].moved).toEqual([{ id: 'b1', from: 1, to: 48 }, { id: 'b3', from: 3, to: 49 }]);
    expect(ref.current!.getAnnotations().slice(-2).map((a) => a.id)).toEqual(['b1', 'b3']);
    key(annotator, 'z', { ctrlKey: true });
    expect(ref.current!.getAnnotations().map((a) => a.id)).toEqual(thousand.slice(0, 50).map((a) => a.id));
    key(annotator, 'y', { ctrlKey: true });
    expect(ref.current!.getAnnotations().slice(-2).map((a) => a.id)).toEqual(['b1', 'b3']);
  });
});

describe('popovers keep the focus', () => {
  it('the label picker: Tab cycles inside, Escape closes it and returns focus to its button', async () => {
    const { annotator } = await mount({ defaultTool: 'bbox' });
    const opener = [...annotator.querySelectorAll<HTMLButtonElement>('.lk-toolbar button')].find((b) => /^Label:/.test(b.textContent ?? ''))!;
    opener.focus();
    await userEvent.click(opener);
    const dialog = annotator.querySelector<HTMLElement>('[role="dialog"][aria-label="Choose a label"]')!;
    expect(dialog).not.toBeNull();
    const search = dialog.querySelector('input[role="combobox"]');
    const close = dialog.querySelector('button[aria-label="Close label picker"]');
    expect(document.activeElement).toBe(search);
    expect((await axe.run(annotator)).violations).toEqual([]);
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(close);
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(search);
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(close);
    await userEvent.keyboard('{Escape}');
    expect(annotator.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(opener);
    // Opened by its shortcut from the canvas, picking a label returns focus to the canvas.
    annotator.focus();
    await userEvent.keyboard('/');
    expect(document.activeElement?.getAttribute('role')).toBe('combobox');
    await userEvent.keyboard('pers{Enter}');
    expect(annotator.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(annotator);
    expect(opener.textContent).toMatch(/Label: Person/);
  });

  it('the shortcut help: focus moves in, Tab stays inside, shortcuts are off, Escape returns focus', async () => {
    const { annotator } = await mount({ defaultTool: 'bbox' });
    annotator.focus();
    // '?' is Shift+/ on a US layout (Playwright would otherwise send it without Shift, which reads as '/').
    await userEvent.keyboard('{Shift>}?{/Shift}');
    const dialog = annotator.querySelector<HTMLElement>('[role="dialog"][aria-label="Keyboard shortcuts"]')!;
    expect(dialog).not.toBeNull();
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect((await axe.run(annotator)).violations).toEqual([]);
    await userEvent.keyboard('{Tab}');
    expect(dialog.contains(document.activeElement)).toBe(true);
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(dialog.contains(document.activeElement)).toBe(true);
    await userEvent.keyboard('v');
    expect(annotator.dataset.tool).toBe('bbox');
    await userEvent.keyboard('{Escape}');
    expect(annotator.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(annotator);
  });
});

describe('a click with a drawing tool', () => {
  it('box tool: a click on a shape selects it; a drag that starts on a shape draws a box inside it', async () => {
    const onChange = vi.fn();
    const onSelectionChange = vi.fn();
    const { canvas, annotator } = await mount({ onChange, onSelectionChange, defaultValue: [box('big', 100, 100, 200, 150)], defaultTool: 'bbox' });
    await drag(canvas, [150, 150], [220, 200]);
    expect(lastValue(onChange)).toHaveLength(2);
    expect(lastBox(onChange)).toMatchObject({ x: 150, y: 150, width: 70, height: 50, label: 'car' });
    const inner = lastBox(onChange).id;
    expect(onSelectionChange).toHaveBeenLastCalledWith([inner]);
    await click(canvas, [120, 120]);
    expect(onSelectionChange).toHaveBeenLastCalledWith(['big']);
    expect(live()).toMatch(/Selected Car/);
    // The click started no two-click box: the next two clicks on empty space make one from scratch.
    await click(canvas, [400, 300]);
    await click(canvas, [450, 350]);
    expect(lastValue(onChange)).toHaveLength(3);
    expect(lastBox(onChange)).toMatchObject({ x: 400, y: 300, width: 50, height: 50 });
    expect(annotator.dataset.tool).toBe('bbox');
  });

  it('polygon tool: a click on a shape selects it instead of starting a polygon; V still switches to select', async () => {
    const onChange = vi.fn();
    const onSelectionChange = vi.fn();
    const { canvas, annotator } = await mount({ onChange, onSelectionChange, defaultValue: [box('big', 100, 100, 200, 150)], defaultTool: 'polygon' });
    await click(canvas, [120, 120]);
    expect(onSelectionChange).toHaveBeenLastCalledWith(['big']);
    annotator.focus();
    key(annotator, 'Enter');
    key(annotator, 'Escape');
    expect(onChange).not.toHaveBeenCalled();
    key(annotator, 'v');
    expect(annotator.dataset.tool).toBe('select');
  });
});
