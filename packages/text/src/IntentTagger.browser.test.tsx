// Real browser events drive updates here (no act()); assertions wait with vi.waitFor where needed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { defineSchema, sliceCodePoints, type Annotation } from '@labelkit/core';
import { IntentTagger, type IntentTaggerProps } from './IntentTagger.js';
import { joinTurns } from './text-ranges.js';

const schema = defineSchema({
  labels: [
    { id: 'travel', name: 'Travel', selectable: false, exclusive: true },
    { id: 'book_flight', name: 'Book flight', parent: 'travel', hotkey: 'b', kinds: ['tag'] },
    { id: 'cancel_flight', name: 'Cancel flight', parent: 'travel', hotkey: 'c', kinds: ['tag'] },
    { id: 'greeting', name: 'Greeting', hotkey: 'g', kinds: ['tag'] },
    { id: 'refund', name: 'Ask for refund', kinds: ['tag'] },
    { id: 'destination', name: 'Destination', hotkey: 'd', kinds: ['span'] },
  ],
});

const turns = [
  { speaker: 'user', text: 'Hi 👋 book a flight to Paris' },
  { speaker: 'agent', text: 'Sure. When do you want to leave?' },
  { speaker: 'user', text: 'Friday, and then on to 東京' },
];
const joined = joinTurns(turns);
const t0 = joined.ranges[0]!;
const paris = { start: t0.end - 5, end: t0.end };

let root: Root | null = null;
let host: HTMLDivElement | null = null;
afterEach(() => {
  root?.unmount();
  host?.remove();
});

async function mount(props: Partial<IntentTaggerProps>) {
  host = document.createElement('div');
  host.style.width = '700px';
  document.body.append(host);
  root = createRoot(host);
  const onChange = vi.fn<(next: Annotation[]) => void>();
  flushSync(() => root!.render(<IntentTagger schema={schema} turns={turns} onChange={onChange} {...props} />));
  const surface = host.querySelector<HTMLElement>('[role="application"]')!;
  surface.focus();
  return { onChange, surface };
}
const last = (fn: ReturnType<typeof vi.fn>) => fn.mock.lastCall?.[0] as Annotation[];

describe('IntentTagger', () => {
  it('tags turns by hotkey with the turn range in the "\\n"-joined text; exclusive siblings replace each other', async () => {
    const { onChange } = await mount({});
    await userEvent.keyboard('g');
    expect(last(onChange)).toEqual([expect.objectContaining({ kind: 'tag', label: 'greeting', start: 0, end: t0.end })]);
    await userEvent.keyboard('b');
    await userEvent.keyboard('c');
    expect(last(onChange).map((a) => a.label).sort()).toEqual(['cancel_flight', 'greeting']);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}g');
    const third = last(onChange).find((a) => a.kind === 'tag' && a.start === joined.ranges[2]!.start);
    expect(third).toMatchObject({ end: joined.ranges[2]!.end });
  });

  it('finds an intent by typing in the search and picks it with Enter', async () => {
    const { onChange } = await mount({});
    await userEvent.keyboard('/');
    await userEvent.keyboard('refu');
    await userEvent.keyboard('{Enter}');
    expect(last(onChange)).toEqual([expect.objectContaining({ label: 'refund', start: 0, end: t0.end })]);
  });

  it('makes a slot from the keyboard: ArrowLeft, Ctrl+Shift+ArrowLeft, slot hotkey', async () => {
    const { onChange } = await mount({});
    await userEvent.keyboard('{ArrowLeft}{Control>}{Shift>}{ArrowLeft}{/Shift}{/Control}d');
    const slot = last(onChange).find((a) => a.kind === 'span');
    expect(slot).toMatchObject({ label: 'destination', ...paris, text: 'Paris' });
    expect(paris).toEqual({ start: 22, end: 27 });
    expect(sliceCodePoints(joined.text, paris.start, paris.end)).toBe('Paris');
  });

  it('makes a slot with a real mouse drag in the third turn (CJK after the joins)', async () => {
    const { onChange } = await mount({ activeLabel: 'destination' });
    const frag = [...host!.querySelectorAll<HTMLElement>('.lk-text-frag')].find((f) => f.textContent?.includes('東京'))!;
    const r = document.createRange();
    const at = frag.textContent!.indexOf('東京');
    r.setStart(frag.firstChild!, at);
    r.setEnd(frag.firstChild!, at + 2);
    const rect = r.getBoundingClientRect();
    const fr = frag.getBoundingClientRect();
    await userEvent.dragAndDrop(frag, frag, {
      sourcePosition: { x: rect.left - fr.left + 1, y: rect.top - fr.top + rect.height / 2 },
      targetPosition: { x: rect.right - fr.left - 1, y: rect.top - fr.top + rect.height / 2 },
    });
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    const slot = last(onChange).find((a) => a.kind === 'span')!;
    expect(slot).toMatchObject({ label: 'destination', text: '東京' });
    expect(sliceCodePoints(joined.text, (slot as { start: number }).start, (slot as { end: number }).end)).toBe('東京');
  });

  it('accepts and rejects suggestions from the keyboard', async () => {
    const onDecision = vi.fn();
    const suggestions: Annotation[] = [
      { id: 's1', kind: 'tag', label: 'book_flight', start: 0, end: t0.end, score: 0.88, source: 'model' },
      { id: 's2', kind: 'span', label: 'destination', ...paris, text: 'Paris', score: 0.77, source: 'model' },
    ];
    const { onChange } = await mount({ suggestions, onSuggestionDecision: onDecision });
    await userEvent.keyboard('n{Enter}');
    expect(onDecision).toHaveBeenLastCalledWith({ id: 's1', decision: 'accepted' });
    expect(last(onChange)).toEqual([expect.objectContaining({ id: 's1', label: 'book_flight', source: 'model' })]);
    await userEvent.keyboard('{Shift>}{Delete}{/Shift}');
    expect(onDecision).toHaveBeenLastCalledWith({ id: 's2', decision: 'rejected' });
  });

  it('undoes a rejection with Mod+Z (suggestion pending again) and redoes it; undoes an accept (tag gone, suggestion pending again)', async () => {
    const onDecision = vi.fn();
    const suggestions: Annotation[] = [
      { id: 's1', kind: 'tag', label: 'book_flight', start: 0, end: t0.end, score: 0.88, source: 'model' },
      { id: 's2', kind: 'span', label: 'destination', ...paris, text: 'Paris', score: 0.77, source: 'model' },
    ];
    const { onChange } = await mount({ suggestions, onSuggestionDecision: onDecision });
    const button = (name: string) => [...host!.querySelectorAll('button')].find((b) => b.textContent === name)!;
    expect(button('Undo').disabled).toBe(true);
    // Reject s1 (the first), then undo: it is back, focused, and Enter accepts it.
    await userEvent.keyboard('n{Shift>}{Delete}{/Shift}');
    expect(onDecision).toHaveBeenLastCalledWith({ id: 's1', decision: 'rejected' });
    expect(host!.querySelector('[aria-label="Accept suggested intent Book flight"]')).toBeNull();
    expect(button('Undo').disabled).toBe(false);
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(onDecision).toHaveBeenLastCalledWith({ id: 's1', decision: 'undone' });
    expect(host!.querySelector('[aria-label="Accept suggested intent Book flight"]')).not.toBeNull();
    await vi.waitFor(() => expect(host!.querySelector('[data-labelkit-live-region]')?.textContent).toContain('Undone: rejection of suggestion intent Book flight'));
    expect(button('Redo').disabled).toBe(false);
    await userEvent.click(button('Redo'));
    expect(onDecision).toHaveBeenLastCalledWith({ id: 's1', decision: 'rejected' });
    expect(host!.querySelector('[aria-label="Accept suggested intent Book flight"]')).toBeNull();
    host!.querySelector<HTMLElement>('[role="application"]')!.focus();
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(onDecision).toHaveBeenLastCalledWith({ id: 's1', decision: 'undone' });
    await userEvent.keyboard('{Enter}');
    expect(onDecision).toHaveBeenLastCalledWith({ id: 's1', decision: 'accepted' });
    expect(last(onChange)).toEqual([expect.objectContaining({ id: 's1', label: 'book_flight' })]);
    // Undo the accept: the tag is gone and the suggestion is pending again.
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(last(onChange)).toEqual([]);
    expect(onDecision).toHaveBeenLastCalledWith({ id: 's1', decision: 'undone' });
    expect(host!.querySelector('[aria-label="Accept suggested intent Book flight"]')).not.toBeNull();
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(onDecision).toHaveBeenLastCalledWith({ id: 's1', decision: 'accepted' });
    expect(last(onChange)).toEqual([expect.objectContaining({ id: 's1' })]);
  });

  it('accepts all pending suggestions with Mod+Shift+Enter, highest score winning among exclusive intents, as one undo step', async () => {
    const onDecision = vi.fn();
    const suggestions: Annotation[] = [
      { id: 's1', kind: 'tag', label: 'book_flight', start: 0, end: t0.end, score: 0.6, source: 'model' },
      { id: 's2', kind: 'span', label: 'destination', ...paris, text: 'Paris', score: 0.77, source: 'model' },
      { id: 's3', kind: 'tag', label: 'cancel_flight', start: 0, end: t0.end, score: 0.9, source: 'model' },
      { id: 's4', kind: 'tag', label: 'greeting', start: 0, end: t0.end, score: 0.3, source: 'model' },
    ];
    const { onChange } = await mount({ suggestions, onSuggestionDecision: onDecision });
    await userEvent.keyboard('{Control>}{Shift>}{Enter}{/Shift}{/Control}');
    expect(last(onChange).map((a) => a.id).sort()).toEqual(['s2', 's3', 's4']);
    expect(onDecision.mock.calls.map(([d]) => d).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([
      { id: 's1', decision: 'accepted' },
      { id: 's2', decision: 'accepted' },
      { id: 's3', decision: 'accepted' },
      { id: 's4', decision: 'accepted' },
    ]);
    expect(host!.querySelectorAll('[data-suggested]')).toHaveLength(0);
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(last(onChange)).toEqual([]);
    expect(host!.querySelectorAll('[data-suggested]')).toHaveLength(3); // the three intents back in review, s1 included (s2 is a slot)
    expect(onDecision.mock.calls.filter(([d]) => d.decision === 'undone').map(([d]) => d.id).sort()).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('accepts those at or above the suggestion bar threshold (suggestionThreshold at first) with "Accept ≥"', async () => {
    const suggestions: Annotation[] = [
      { id: 's1', kind: 'tag', label: 'book_flight', start: 0, end: t0.end, score: 0.6, source: 'model' },
      { id: 's2', kind: 'span', label: 'destination', ...paris, text: 'Paris', score: 0.77, source: 'model' },
      { id: 's3', kind: 'tag', label: 'cancel_flight', start: 0, end: t0.end, score: 0.9, source: 'model' },
      { id: 's4', kind: 'tag', label: 'greeting', start: 0, end: t0.end, score: 0.3, source: 'model' },
    ];
    const { onChange } = await mount({ suggestions, suggestionThreshold: 0.5 });
    const above = [...host!.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Accept ≥'))!;
    expect(above.textContent).toBe('Accept ≥ 0.50 (3)');
    await userEvent.click(above);
    expect(last(onChange).map((a) => a.id).sort()).toEqual(['s2', 's3']);
    expect(host!.querySelectorAll('[data-suggested]')).toHaveLength(1); // s4 is left to review
  });

  it("moves a selected slot's edges with Shift+arrows (end) and Alt+Shift+arrows (start), never out of its turn", async () => {
    const { onChange } = await mount({});
    await userEvent.keyboard('{ArrowLeft}{Control>}{Shift>}{ArrowLeft}{/Shift}{/Control}d');
    const slot = () => last(onChange).find((a) => a.kind === 'span') as { start: number; end: number; text: string };
    expect(slot()).toMatchObject({ ...paris, text: 'Paris' });
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(slot()).toMatchObject({ start: 22, end: 26, text: 'Pari' });
    await userEvent.keyboard('{Alt>}{Shift>}{ArrowLeft}{/Shift}{/Alt}');
    expect(slot()).toMatchObject({ start: 21, end: 26, text: ' Pari' });
    await userEvent.keyboard('{Shift>}{ArrowRight}{ArrowRight}{ArrowRight}{/Shift}');
    // The turn ends at 27: the joining "\n" and the next turn are out of reach.
    expect(slot()).toMatchObject({ start: 21, end: 27, text: ' Paris' });
    await userEvent.keyboard('{Alt>}{Shift>}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{/Shift}{/Alt}');
    expect(slot()).toMatchObject({ start: 26, end: 27, text: 's' });
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(slot()).toMatchObject({ start: 25, end: 27 });
  });

  it('tags sentences of a plain text with their ranges, and the whole document without one', async () => {
    const text = 'My card was charged twice. I want a refund!';
    const { onChange } = await mount({ turns: undefined, text, scope: 'sentence' } as Partial<IntentTaggerProps>);
    await userEvent.keyboard('{ArrowDown}g');
    expect(last(onChange)).toEqual([expect.objectContaining({ start: 27, end: 43 })]);
    root!.unmount();
    host!.remove();
    const doc = await mount({ turns: undefined, text, scope: 'document' } as Partial<IntentTaggerProps>);
    await userEvent.keyboard('g');
    const tag = last(doc.onChange)[0]!;
    expect(tag).toMatchObject({ kind: 'tag', label: 'greeting' });
    expect('start' in tag).toBe(false);
  });

  it('renders only the visible items of 5,000 turns, tags each on its own range, and reaches the last one with End', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ speaker: i % 2 ? 'agent' : 'user', text: `Turn ${i}: please book a flight to Paris` }));
    const manyJoined = joinTurns(many);
    const value: Annotation[] = manyJoined.ranges.map((r, i) => ({ id: `t${i}`, kind: 'tag', label: 'greeting', start: r.start, end: r.end }));
    const { onChange } = await mount({ turns: many, defaultValue: value, height: 400 });
    const rendered = () => host!.querySelectorAll('[data-lk-item]');
    expect(rendered().length).toBeGreaterThan(0);
    expect(rendered().length).toBeLessThan(60);
    // Each rendered turn shows its own tag only (bucketed per item).
    for (const li of rendered()) expect(li.querySelectorAll('.lk-intent-chip')).toHaveLength(1);
    await userEvent.keyboard('{End}');
    await vi.waitFor(() => expect(host!.querySelector('[data-current="true"]')?.textContent).toContain('Turn 4999:'));
    expect(rendered().length).toBeLessThan(60);
    await userEvent.keyboard('b');
    const last4999 = manyJoined.ranges[4999]!;
    expect(last(onChange).at(-1)).toMatchObject({ kind: 'tag', label: 'book_flight', start: last4999.start, end: last4999.end });
    await userEvent.keyboard('{Home}');
    await vi.waitFor(() => expect(host!.querySelector('[data-current="true"]')?.textContent).toContain('Turn 0:'));
  });
});
