// Real browser events drive updates here (no act()); assertions wait with vi.waitFor where needed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createRoot, type Root } from 'react-dom/client';
import { createRef } from 'react';
import { flushSync } from 'react-dom';
import { defineSchema, type Annotation, type SpanAnnotation } from '@labelkit/core';
import type { AnnotatorHandle } from '@labelkit/react';
import { SpanAnnotator, type SpanAnnotatorProps } from './SpanAnnotator.js';

const schema = defineSchema({
  labels: [
    { id: 'loc', name: 'Location', color: '#1f77b4', hotkey: '1', kinds: ['span'] },
    { id: 'org', name: 'Organisation', color: '#d62728', hotkey: '2', kinds: ['span'], attributes: [{ id: 'kb', name: 'Knowledge-base id', type: 'text' }] },
  ],
});

let root: Root | null = null;
let host: HTMLDivElement | null = null;
afterEach(() => {
  root?.unmount();
  host?.remove();
  root = null;
  host = null;
});

async function mount(props: Partial<SpanAnnotatorProps> & { text: string }) {
  host = document.createElement('div');
  host.style.width = '700px';
  document.body.append(host);
  root = createRoot(host);
  const onChange = vi.fn<(next: Annotation[]) => void>();
  const onSelectionChange = vi.fn<(ids: string[]) => void>();
  const ref = createRef<AnnotatorHandle>();
  flushSync(() => root!.render(<SpanAnnotator schema={schema} onChange={onChange} onSelectionChange={onSelectionChange} ref={ref} {...props} />));
  const surface = host.querySelector<HTMLElement>('[role="application"]')!;
  return { onChange, onSelectionChange, ref, surface };
}

/** The element and the viewport rect of code-point range [from, to) of a rendered fragment's text. */
function charRect(containing: string, fromU16: number, toU16: number) {
  const frag = [...host!.querySelectorAll<HTMLElement>('.lk-text-frag')].find((f) => f.textContent?.includes(containing))!;
  const node = frag.firstChild!;
  const offset = frag.textContent!.indexOf(containing);
  const r = document.createRange();
  r.setStart(node, offset + fromU16);
  r.setEnd(node, offset + toU16);
  return { frag, rect: r.getBoundingClientRect(), fragRect: frag.getBoundingClientRect() };
}

/** A real mouse drag (Playwright mouse down / move / up) from just inside the left of `from` to just inside the right of `to`. */
async function drag(from: ReturnType<typeof charRect>, toEl: ReturnType<typeof charRect>) {
  await userEvent.dragAndDrop(from.frag, toEl.frag, {
    sourcePosition: { x: from.rect.left - from.fragRect.left + 1, y: from.rect.top - from.fragRect.top + from.rect.height / 2 },
    targetPosition: { x: toEl.rect.right - toEl.fragRect.left - 1, y: toEl.rect.top - toEl.fragRect.top + toEl.rect.height / 2 },
  });
}

function lastAdded(onChange: ReturnType<typeof vi.fn>): SpanAnnotation {
  const next = onChange.mock.lastCall?.[0] as Annotation[];
  return next[next.length - 1] as SpanAnnotation;
}

describe('SpanAnnotator: offsets that reach onChange', () => {
  it('mouse drag over "firetrucks" after a skin-toned ZWJ emoji gives {19, 29}', async () => {
    const { onChange } = await mount({ text: '👨🏻‍🚒 firemen drive firetrucks', activeLabel: 'loc' });
    const w = charRect('firetrucks', 0, 10);
    await drag({ ...w, rect: charRect('firetrucks', 0, 1).rect }, { ...w, rect: charRect('firetrucks', 9, 10).rect });
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(lastAdded(onChange)).toMatchObject({ kind: 'span', label: 'loc', start: 19, end: 29, text: 'firetrucks' });
  });

  it('mouse drag over "Tokyo" after a flag gives {3, 8}', async () => {
    const { onChange } = await mount({ text: '🇯🇵 Tokyo', activeLabel: 'loc' });
    await drag(charRect('Tokyo', 0, 1), charRect('Tokyo', 4, 5));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(lastAdded(onChange)).toMatchObject({ start: 3, end: 8, text: 'Tokyo' });
  });

  it('mouse drag across the CRLF line break to the end of "Berlin" gives {3, 9} (whitespace trimmed)', async () => {
    const { onChange } = await mount({ text: 'a\r\nBerlin', activeLabel: 'loc' });
    // Drag between the two paragraphs (the blocks): from just right of "a" to the end of "Berlin".
    // The selection then starts at offset 1 and covers "\r\nBerlin".
    const a = charRect('a', 0, 1);
    const n = charRect('Berlin', 5, 6);
    const paraA = a.frag.parentElement!;
    const paraB = n.frag.parentElement!;
    const ra = paraA.getBoundingClientRect();
    const rb = paraB.getBoundingClientRect();
    await userEvent.dragAndDrop(paraA, paraB, {
      sourcePosition: { x: a.rect.right - ra.left + 1, y: a.rect.top - ra.top + a.rect.height / 2 },
      targetPosition: { x: n.rect.right - rb.left - 1, y: n.rect.top - rb.top + n.rect.height / 2 },
    });
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(lastAdded(onChange)).toMatchObject({ start: 3, end: 9, text: 'Berlin' });
  });

  it('keyboard alone: End, Ctrl+Shift+ArrowLeft, Enter labels "firetrucks" as {19, 29}', async () => {
    const { onChange, surface } = await mount({ text: '👨🏻‍🚒 firemen drive firetrucks', activeLabel: 'loc' });
    surface.focus();
    await userEvent.keyboard('{End}{Control>}{Shift>}{ArrowLeft}{/Shift}{/Control}{Enter}');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(lastAdded(onChange)).toMatchObject({ start: 19, end: 29, text: 'firetrucks' });
  });

  it('keyboard alone: two ArrowRights step over the flag and the space, then a word is labelled by its hotkey', async () => {
    const { onChange, surface } = await mount({ text: '🇯🇵 Tokyo' });
    surface.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{Control>}{Shift>}{ArrowRight}{/Shift}{/Control}2');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(lastAdded(onChange)).toMatchObject({ label: 'org', start: 3, end: 8, text: 'Tokyo' });
  });

  it('keyboard alone: ArrowDown crosses the CRLF line, Shift+ArrowRight ×6 selects "Berlin" {3, 9}', async () => {
    const { onChange, surface } = await mount({ text: 'a\r\nBerlin', activeLabel: 'loc' });
    surface.focus();
    await userEvent.keyboard('{ArrowDown}{Shift>}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{/Shift}{Enter}');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(lastAdded(onChange)).toMatchObject({ start: 3, end: 9, text: 'Berlin' });
  });
});

describe('SpanAnnotator: rendering and editing', () => {
  it('renders the source exactly: CRLF, tabs, RTL paragraphs with dir="auto"', async () => {
    const text = 'Hello\tworld\r\nمرحبا بالعالم\n👩‍👩‍👧 é';
    await mount({ text });
    const paras = [...host!.querySelectorAll<HTMLElement>('.lk-text-para')];
    expect(paras.map((p) => p.textContent).join('')).toBe(text);
    expect(paras.every((p) => p.getAttribute('dir') === 'auto')).toBe(true);
    expect(getComputedStyle(paras[0]!).whiteSpace).toBe('pre-wrap');
    expect(getComputedStyle(paras[1]!).direction).toBe('rtl');
  });

  it('moves the caret visually in a right-to-left paragraph: ArrowLeft goes forward in Arabic', async () => {
    const text = 'قال أحمد إن القاهرة جميلة';
    const { onChange, surface } = await mount({ text, activeLabel: 'loc' });
    surface.focus();
    // From the start (the right edge), Ctrl+ArrowLeft ×4 then Ctrl+Shift+ArrowRight selects back over the 4th word.
    await userEvent.keyboard('{Control>}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{Shift>}{ArrowRight}{/Shift}{/Control}{Enter}');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(lastAdded(onChange)).toMatchObject({ start: 12, end: 19, text: 'القاهرة' });
  });

  it('reaches the span under another by clicking again, and by Tab', async () => {
    const text = 'The Bank of England raised rates.';
    const value: Annotation[] = [
      { id: 'outer', kind: 'span', label: 'org', start: 4, end: 19, text: 'Bank of England' },
      { id: 'inner', kind: 'span', label: 'loc', start: 12, end: 19, text: 'England' },
    ];
    const { onSelectionChange, surface } = await mount({ text, defaultValue: value });
    const england = [...host!.querySelectorAll<HTMLElement>('.lk-text-frag')].find((f) => f.textContent === 'England')!;
    await userEvent.click(england);
    expect(onSelectionChange).toHaveBeenLastCalledWith(['inner']);
    await userEvent.click(england);
    expect(onSelectionChange).toHaveBeenLastCalledWith(['outer']);
    await userEvent.click(england);
    expect(onSelectionChange).toHaveBeenLastCalledWith(['inner']);
    surface.focus();
    await userEvent.keyboard('{Escape}{Home}{Tab}');
    expect(onSelectionChange).toHaveBeenLastCalledWith(['outer']);
    await userEvent.keyboard('{Tab}');
    expect(onSelectionChange).toHaveBeenLastCalledWith(['inner']);
  });

  it('edits edges with Shift+arrows, deletes, undoes and redoes', async () => {
    const text = 'Visit New York City today';
    const { onChange, surface, ref } = await mount({ text, defaultValue: [{ id: 's', kind: 'span', label: 'loc', start: 6, end: 14, text: 'New York' }], selectedIds: ['s'] });
    surface.focus();
    // Shift+ArrowRight moves the end by one character; five of them reach "City".
    await userEvent.keyboard('{Shift>}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{/Shift}');
    expect(lastAdded(onChange)).toMatchObject({ start: 6, end: 19, text: 'New York City' });
    await userEvent.keyboard('{Alt>}{Shift>}{ArrowRight}{/Shift}{/Alt}');
    expect(lastAdded(onChange)).toMatchObject({ start: 7, end: 19 });
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(lastAdded(onChange)).toMatchObject({ start: 6, end: 19 });
    await userEvent.keyboard('{Delete}');
    expect(onChange.mock.lastCall?.[0]).toEqual([]);
    flushSync(() => ref.current!.undo());
    expect(lastAdded(onChange)).toMatchObject({ id: 's' });
  });

  it('drags the end handle of the selected span with the mouse', async () => {
    const text = 'Visit New York City today';
    const { onChange } = await mount({ text, defaultValue: [{ id: 's', kind: 'span', label: 'loc', start: 6, end: 9, text: 'New' }], selectedIds: ['s'] });
    const handle = host!.querySelector<HTMLElement>('.lk-text-handle[data-edge="end"]')!;
    const city = charRect('City', 3, 4);
    await userEvent.dragAndDrop(handle, city.frag, { targetPosition: { x: city.rect.right - city.fragRect.left - 1, y: city.rect.height / 2 } });
    await vi.waitFor(() => expect(lastAdded(onChange)).toMatchObject({ start: 6, end: 19, text: 'New York City' }));
  });

  it('keeps 8 nested spans legible: 8 distinct underline lanes on the innermost text', async () => {
    const text = 'abcdefghijklmnopqrstuvwxyz';
    const value: Annotation[] = Array.from({ length: 8 }, (_, i) => ({ id: `n${i}`, kind: 'span', label: i % 2 ? 'loc' : 'org', start: i, end: 26 - i, text: text.slice(i, 26 - i) }));
    await mount({ text, defaultValue: value });
    const inner = [...host!.querySelectorAll<HTMLElement>('.lk-text-frag')].find((f) => f.textContent === 'hijklmnopqrs')!;
    // Underline layers only: the text tint is the one layer at the top-left corner.
    const positions = inner.style.backgroundPosition.split(',').map((p) => p.trim()).filter((p) => !/^0(px)? 0(px)?$/.test(p));
    expect(new Set(positions).size).toBe(8);
  });

  it('walks, accepts and rejects suggestions from the keyboard', async () => {
    const text = 'Angela Merkel met Emmanuel Macron in Paris.';
    const onDecision = vi.fn();
    const suggestions: Annotation[] = [
      { id: 'g1', kind: 'span', label: 'loc', start: 37, end: 42, text: 'Paris', score: 0.91, source: 'model' },
      { id: 'g2', kind: 'span', label: 'org', start: 0, end: 13, text: 'Angela Merkel', score: 0.42, source: 'model' },
    ];
    const { onChange, surface } = await mount({ text, suggestions, onSuggestionDecision: onDecision });
    expect(host!.querySelector('[data-lk-end="0.91"]')).not.toBeNull();
    surface.focus();
    await userEvent.keyboard('n'); // first in reading order: Angela Merkel
    await userEvent.keyboard('{Shift>}{Delete}{/Shift}');
    expect(onDecision).toHaveBeenLastCalledWith({ id: 'g2', decision: 'rejected' });
    await userEvent.keyboard('{Enter}'); // focus moved on to Paris
    expect(onDecision).toHaveBeenLastCalledWith({ id: 'g1', decision: 'accepted' });
    expect(lastAdded(onChange)).toMatchObject({ id: 'g1', start: 37, end: 42, source: 'model', score: 0.91 });
  });

  it('undoes a rejection: Mod+Z puts the suggestion back in review, redo rejects it again', async () => {
    const text = 'Angela Merkel met Emmanuel Macron in Paris.';
    const onDecision = vi.fn();
    const suggestions: Annotation[] = [
      { id: 'g1', kind: 'span', label: 'loc', start: 37, end: 42, text: 'Paris', score: 0.91, source: 'model' },
      { id: 'g2', kind: 'span', label: 'org', start: 0, end: 13, text: 'Angela Merkel', score: 0.42, source: 'model' },
    ];
    const { onChange, surface, ref } = await mount({ text, suggestions, onSuggestionDecision: onDecision });
    const undoButton = [...host!.querySelectorAll('button')].find((b) => b.textContent === 'Undo')!;
    expect(undoButton.disabled).toBe(true);
    surface.focus();
    await userEvent.keyboard('n{Shift>}{Delete}{/Shift}');
    expect(onDecision).toHaveBeenLastCalledWith({ id: 'g2', decision: 'rejected' });
    expect(host!.querySelector('[data-lk-end="0.42"]')).toBeNull();
    expect(undoButton.disabled).toBe(false);
    expect(ref.current!.canUndo()).toBe(true);
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(onDecision).toHaveBeenLastCalledWith({ id: 'g2', decision: 'undone' });
    expect(host!.querySelector('[data-lk-end="0.42"]')).not.toBeNull();
    await vi.waitFor(() => expect(host!.querySelector('[data-labelkit-live-region]')?.textContent).toContain('Undone: rejection of suggestion Organisation'));
    expect(ref.current!.canRedo()).toBe(true);
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(onDecision).toHaveBeenLastCalledWith({ id: 'g2', decision: 'rejected' });
    expect(host!.querySelector('[data-lk-end="0.42"]')).toBeNull();
    // Undone again, it is pending and focused: Enter accepts it.
    flushSync(() => ref.current!.undo());
    expect(onDecision).toHaveBeenLastCalledWith({ id: 'g2', decision: 'undone' });
    await userEvent.keyboard('{Enter}');
    expect(onDecision).toHaveBeenLastCalledWith({ id: 'g2', decision: 'accepted' });
    expect(lastAdded(onChange)).toMatchObject({ id: 'g2', start: 0, end: 13 });
    expect(onChange).toHaveBeenCalledTimes(1); // a rejection and its undo change no annotation
  });

  it('undoes an accept: Mod+Z removes the span and puts the suggestion back in review', async () => {
    const text = 'Angela Merkel met Emmanuel Macron in Paris.';
    const onDecision = vi.fn();
    const suggestions: Annotation[] = [{ id: 'g1', kind: 'span', label: 'loc', start: 37, end: 42, text: 'Paris', score: 0.91, source: 'model' }];
    const { onChange, surface } = await mount({ text, suggestions, onSuggestionDecision: onDecision });
    surface.focus();
    await userEvent.keyboard('n{Enter}');
    expect(onDecision).toHaveBeenLastCalledWith({ id: 'g1', decision: 'accepted' });
    expect(lastAdded(onChange)).toMatchObject({ id: 'g1' });
    expect(host!.querySelector('[data-lk-end="0.91"]')).toBeNull();
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(onChange.mock.lastCall?.[0]).toEqual([]);
    expect(onDecision).toHaveBeenLastCalledWith({ id: 'g1', decision: 'undone' });
    expect(host!.querySelector('[data-lk-end="0.91"]')).not.toBeNull();
    expect(host!.querySelector('[aria-label="Suggestions"]')?.textContent).toContain('1 of 1 pending');
    // Reachable with N and acceptable with Enter again; the Redo button redoes nothing after a new accept.
    await userEvent.keyboard('{Escape}n{Enter}');
    expect(onDecision).toHaveBeenLastCalledWith({ id: 'g1', decision: 'accepted' });
    expect(lastAdded(onChange)).toMatchObject({ id: 'g1' });
    const redoButton = [...host!.querySelectorAll('button')].find((b) => b.textContent === 'Redo')!;
    expect(redoButton.disabled).toBe(true);
  });

  it('accepts all pending suggestions with Mod+Shift+Enter, and those at or above the bar threshold with "Accept ≥"', async () => {
    const text = 'Angela Merkel met Emmanuel Macron in Paris.';
    const suggestions: Annotation[] = [
      { id: 'g1', kind: 'span', label: 'loc', start: 37, end: 42, text: 'Paris', score: 0.91 },
      { id: 'g2', kind: 'span', label: 'org', start: 0, end: 13, text: 'Angela Merkel', score: 0.42 },
      { id: 'g3', kind: 'span', label: 'org', start: 18, end: 33, text: 'Emmanuel Macron', score: 0.8 },
    ];
    const { onChange, surface } = await mount({ text, suggestions, suggestionThreshold: 0.75 });
    const bar = host!.querySelector<HTMLElement>('[role="group"][aria-label="Suggestions"]')!;
    expect(bar.textContent).toContain('3 of 3 pending');
    const above = [...bar.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Accept ≥'))!;
    expect(above.textContent).toBe('Accept ≥ 0.75 (2)');
    await userEvent.click(above);
    expect((onChange.mock.lastCall?.[0] as Annotation[]).map((a) => a.id).sort()).toEqual(['g1', 'g3']);
    await vi.waitFor(() => expect(bar.textContent).toContain('1 of 3 pending'));
    surface.focus();
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(onChange.mock.lastCall?.[0]).toEqual([]);
    await userEvent.keyboard('{Control>}{Shift>}{Enter}{/Shift}{/Control}');
    expect((onChange.mock.lastCall?.[0] as Annotation[]).map((a) => a.id).sort()).toEqual(['g1', 'g2', 'g3']);
    await vi.waitFor(() => expect(bar.textContent).toContain('0 of 3 pending'));
  });

  it('reviews with the suggestion bar: Next focuses the first in reading order, Accept and Reject act on it, Reject all empties the queue', async () => {
    const text = 'Angela Merkel met Emmanuel Macron in Paris.';
    const onDecision = vi.fn();
    const suggestions: Annotation[] = [
      { id: 'g1', kind: 'span', label: 'loc', start: 37, end: 42, text: 'Paris', score: 0.91 },
      { id: 'g2', kind: 'span', label: 'org', start: 0, end: 13, text: 'Angela Merkel', score: 0.42 },
      { id: 'g3', kind: 'span', label: 'org', start: 18, end: 33, text: 'Emmanuel Macron', score: 0.8 },
    ];
    const { onChange } = await mount({ text, suggestions, onSuggestionDecision: onDecision });
    const button = (name: string) => [...host!.querySelectorAll<HTMLButtonElement>('[aria-label="Suggestions"] button')].find((b) => b.firstChild?.textContent === name)!;
    expect(button('Accept').disabled).toBe(true);
    await userEvent.click(button('Next'));
    await vi.waitFor(() => expect(host!.querySelector('[aria-label="Suggestions"]')!.textContent).toContain('#1 · Organisation · score 0.42'));
    await userEvent.click(button('Accept'));
    expect(onDecision).toHaveBeenLastCalledWith({ id: 'g2', decision: 'accepted' });
    expect(lastAdded(onChange)).toMatchObject({ id: 'g2', source: 'model' });
    await vi.waitFor(() => expect(host!.querySelector('[aria-label="Suggestions"]')!.textContent).toContain('Organisation · score 0.80'));
    await userEvent.click(button('Reject'));
    expect(onDecision).toHaveBeenLastCalledWith({ id: 'g3', decision: 'rejected' });
    await userEvent.click(button('Reject all'));
    expect(onDecision).toHaveBeenLastCalledWith({ id: 'g1', decision: 'rejected' });
    await vi.waitFor(() => expect(host!.querySelector('[aria-label="Suggestions"]')!.textContent).toContain('0 of 3 pending'));
  });

  it('readOnly: no edits from mouse or keyboard', async () => {
    const { onChange, surface } = await mount({ text: '🇯🇵 Tokyo', activeLabel: 'loc', readOnly: true });
    surface.focus();
    await userEvent.keyboard('{End}{Control>}{Shift>}{ArrowLeft}{/Shift}{/Control}{Enter}');
    await drag(charRect('Tokyo', 0, 1), charRect('Tokyo', 4, 5));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('renders only the visible part of a long document and scrolls to its end', async () => {
    const para = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit 😀 東京 مرحبا. '.repeat(8);
    const text = Array.from({ length: 3000 }, (_, i) => `${i}: ${para}`).join('\n');
    await mount({ text, height: 400 });
    const count = host!.querySelectorAll('.lk-text-para').length;
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(60);
    const scroller = host!.querySelector<HTMLElement>('.lk-text-scroll')!;
    for (let k = 0; k < 6; k++) {
      scroller.scrollTop = scroller.scrollHeight;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
    await vi.waitFor(() => expect(host!.querySelector('.lk-text-para:last-child')?.textContent?.startsWith('2999: ')).toBe(true));
  });

  it('touches only the chunk holding a span the host adds to value (memoised chunks, incremental buckets)', async () => {
    const text = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} mentions Berlin and Paris.`).join('\n');
    const lineStart = (i: number) => text.split('\n').slice(0, i).reduce((n, l) => n + l.length + 1, 0);
    const span = (id: string, line: number, word: string): SpanAnnotation => {
      const start = lineStart(line) + text.split('\n')[line]!.indexOf(word);
      return { id, kind: 'span', label: 'loc', start, end: start + word.length, text: word };
    };
    const value: Annotation[] = Array.from({ length: 12 }, (_, i) => span(`b${i}`, i, 'Berlin'));
    await mount({ text, value });
    const content = host!.querySelector('.lk-text-para')!.parentElement!;
    const touched = new Set<string>();
    const observer = new MutationObserver(() => {});
    observer.observe(content, { subtree: true, childList: true, attributes: true, characterData: true });
    flushSync(() => root!.render(<SpanAnnotator schema={schema} text={text} value={[...value, span('p5', 5, 'Paris')]} />));
    for (const r of observer.takeRecords()) {
      const el = r.target instanceof Element ? r.target : r.target.parentElement;
      touched.add(el?.closest('.lk-text-para')?.getAttribute('data-lk-chunk') ?? 'outside');
    }
    observer.disconnect();
    expect([...touched]).toEqual(['5']);
    const paris = [...host!.querySelectorAll<HTMLElement>('[data-lk-chunk="5"] .lk-text-frag')].find((f) => f.textContent === 'Paris');
    expect(paris?.hasAttribute('data-lk-has')).toBe(true);
  });
});

describe('SpanAnnotator: the pending selection (issue 19)', () => {
  const text = 'Barclays moved staff from England to Dublin.';
  const england: Annotation = { id: 'e', kind: 'span', label: 'org', start: 26, end: 33, text: 'England' };
  const pendingText = () => [...host!.querySelectorAll<HTMLElement>('.lk-text-pending')].map((f) => f.textContent).join('');
  const toolbarButton = (name: string) => [...host!.querySelectorAll<HTMLButtonElement>('.lk-toolbar button')].find((b) => b.textContent?.includes(name))!;

  it('a new mouse selection clears the span selection: Escape then a label key does not relabel the old span', async () => {
    const { onChange, onSelectionChange, surface } = await mount({ text, defaultValue: [england] });
    await userEvent.click([...host!.querySelectorAll<HTMLElement>('.lk-text-frag')].find((f) => f.textContent === 'England')!);
    expect(onSelectionChange).toHaveBeenLastCalledWith(['e']);
    await drag(charRect('Barclays', 0, 1), charRect('Barclays', 7, 8));
    await vi.waitFor(() => expect(host!.querySelector('.lk-text-picker')).not.toBeNull());
    expect(onSelectionChange).toHaveBeenLastCalledWith([]);
    expect(host!.querySelector('[data-lk-selected]')).toBeNull();
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(document.activeElement).toBe(surface));
    await userEvent.keyboard('1');
    expect(onChange).not.toHaveBeenCalled();
    expect(toolbarButton('Location').getAttribute('aria-pressed')).toBe('true'); // no selection: the key set the active label
  });

  it('highlights the pending selection with .lk-text-pending: a keyboard selection, and a mouse selection while the picker asks for its label', async () => {
    const { surface } = await mount({ text });
    surface.focus();
    await userEvent.keyboard('{Control>}{Shift>}{ArrowRight}{/Shift}{/Control}');
    await vi.waitFor(() => expect(pendingText()).toBe('Barclays'));
    const pending = host!.querySelector<HTMLElement>('.lk-text-pending')!;
    expect(getComputedStyle(pending).backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(pendingText()).toBe(''));
    // A mouse drag: the browser's selection is gone at the release, the pending highlight shows what the picker will label.
    await drag(charRect('Dublin', 0, 1), charRect('Dublin', 5, 6));
    await vi.waitFor(() => expect(host!.querySelector('.lk-text-picker')).not.toBeNull());
    expect(pendingText()).toBe('Dublin');
    expect(window.getSelection()?.isCollapsed ?? true).toBe(true);
  });

  it('a toolbar label button labels the pending selection as its hotkey does; without one it sets the active label', async () => {
    const { onChange, surface } = await mount({ text });
    surface.focus();
    await userEvent.keyboard('{Control>}{Shift>}{ArrowRight}{/Shift}{/Control}');
    await userEvent.click(toolbarButton('Organisation'));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(lastAdded(onChange)).toMatchObject({ label: 'org', start: 0, end: 8, text: 'Barclays' });
    expect(toolbarButton('Organisation').getAttribute('aria-pressed')).toBe('false'); // as the hotkey: the active label is unchanged
    expect(document.activeElement).toBe(surface);
    // A mouse selection waiting in the label picker.
    await drag(charRect('Dublin', 0, 1), charRect('Dublin', 5, 6));
    await vi.waitFor(() => expect(host!.querySelector('.lk-text-picker')).not.toBeNull());
    await userEvent.click(toolbarButton('Location'));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
    expect(lastAdded(onChange)).toMatchObject({ label: 'loc', start: 37, end: 43, text: 'Dublin' });
    expect(host!.querySelector('.lk-text-picker')).toBeNull();
    expect(pendingText()).toBe('');
    // Nothing pending: the button sets the active label and labels nothing.
    await userEvent.click(toolbarButton('Location'));
    expect(toolbarButton('Location').getAttribute('aria-pressed')).toBe('true');
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('keyboard word selection with snap="word" leaves out the sentence-final period: "Seoul", not "Seoul."', async () => {
    const { onChange, surface } = await mount({ text: 'We met in Seoul.', snap: 'word', activeLabel: 'loc' });
    surface.focus();
    await userEvent.keyboard('{End}{Control>}{Shift>}{ArrowLeft}{/Shift}{/Control}{Enter}');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(lastAdded(onChange)).toMatchObject({ start: 10, end: 15, text: 'Seoul' });
  });
});
