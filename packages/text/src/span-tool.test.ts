import { describe, expect, it } from 'vitest';
import { OffsetIndex } from '@labelkit/core';
import { SPAN_TOOL_IDLE, spanTool, spanToolCaret, spanToolPending, spanToolRange, type SpanToolContext, type SpanToolEffect, type SpanToolEvent, type SpanToolState } from './span-tool.js';

const text = 'Visit 🇯🇵 Tokyo and New York City today';
const index = new OffsetIndex(text);
const spans = new Map<string, { start: number; end: number }>([['s', { start: 15, end: 18 }]]);
const ctx: SpanToolContext = { text, index, snap: 'character', readOnly: false, spanBounds: (id) => spans.get(id) };
const at = (word: string) => [...text.slice(0, text.indexOf(word))].length;

/** Runs `events` from `state`; returns the state path, every effect and the last result's `handled`. */
function run(events: SpanToolEvent[], c: Partial<SpanToolContext> = {}, state: SpanToolState = SPAN_TOOL_IDLE) {
  const path: string[] = [state.name];
  const effects: SpanToolEffect[] = [];
  let handled = true;
  for (const e of events) {
    const r = spanTool(state, e, { ...ctx, ...c });
    state = r.state;
    handled = r.handled;
    path.push(state.name);
    effects.push(...r.effects);
  }
  return { path, effects, state, handled };
}
const caret = (offset: number, extend = false): SpanToolEvent => ({ type: 'caret', offset, extend });

describe('span tool', () => {
  it('keyboard: caret, Shift extends (idle → selecting), Enter with the active label creates (→ idle at the end)', () => {
    const tokyo = at('Tokyo');
    const r = run([caret(tokyo), caret(tokyo + 3, true), caret(tokyo + 5, true), { type: 'label' }], { activeLabel: 'loc' });
    expect(r.path).toEqual(['idle', 'idle', 'selecting', 'selecting', 'idle']);
    expect(r.effects).toEqual([
      { type: 'selectionStart' },
      { type: 'selected', start: tokyo, end: tokyo + 3 },
      { type: 'selected', start: tokyo, end: tokyo + 5 },
      { type: 'create', start: tokyo, end: tokyo + 5, label: 'loc' },
    ]);
    expect(spanToolCaret(r.state)).toBe(tokyo + 5);
  });

  it('a label hotkey labels the selection with its label; an empty selection is not labelled', () => {
    expect(run([caret(0), caret(5, true), { type: 'label', label: 'org' }]).effects.at(-1)).toEqual({ type: 'create', start: 0, end: 5, label: 'org' });
    const none = run([caret(3), caret(5, true), caret(3, true), { type: 'label', label: 'org' }]);
    expect(none.handled).toBe(false);
    expect(none.effects.filter((e) => e.type === 'create')).toEqual([]);
  });

  it('without an active label Enter opens the picker (→ picking); a pick creates, cancel goes back to the selection', () => {
    const open = run([caret(0), caret(5, true), { type: 'label' }]);
    expect(open.path).toEqual(['idle', 'idle', 'selecting', 'picking']);
    expect(open.effects.at(-1)).toEqual({ type: 'openPicker', start: 0, end: 5 });
    expect(spanToolRange(open.state)).toEqual({ start: 0, end: 5 });
    const picked = run([{ type: 'pick', label: 'misc' }], {}, open.state);
    expect(picked.path).toEqual(['picking', 'idle']);
    expect(picked.effects).toEqual([{ type: 'create', start: 0, end: 5, label: 'misc' }]);
    const cancelled = run([{ type: 'cancel' }], {}, open.state);
    expect(cancelled.state).toEqual({ name: 'selecting', via: 'keyboard', anchor: 0, caret: 5 });
    expect(run([{ type: 'cancel' }], {}, cancelled.state).state).toEqual({ name: 'idle', caret: 5 });
    // `/` opens the picker even with an active label.
    expect(run([caret(0), caret(5, true), { type: 'label', openPicker: true }], { activeLabel: 'loc' }).state.name).toBe('picking');
  });

  it('snaps outward to graphemes and trims whitespace; a blank selection or a read-only annotator is refused', () => {
    const flag = at('🇯🇵');
    // Half a flag (one regional indicator) and the space after it: the whole flag, no space.
    expect(run([caret(flag + 1), caret(flag + 3, true), { type: 'label', label: 'loc' }]).effects.at(-1)).toEqual({ type: 'create', start: flag, end: flag + 2, label: 'loc' });
    const blank = run([caret(5), caret(6, true), { type: 'label', label: 'loc' }]);
    expect(blank.effects.at(-1)).toEqual({ type: 'refused', reason: 'whitespace' });
    expect(blank.state.name).toBe('selecting');
    expect(run([caret(0), caret(5, true), { type: 'label', label: 'loc' }], { readOnly: true }).effects.at(-1)).toEqual({ type: 'refused', reason: 'readOnly' });
  });

  it('pointer: a press then a release with a browser selection labels it (idle → selecting → idle), caret at its far end', () => {
    const york = at('York');
    const r = run([{ type: 'pointerdown', offset: york + 4 }, { type: 'pointerup', offset: at('New'), selection: { anchor: york + 4, focus: at('New') } }], { activeLabel: 'loc' });
    expect(r.path).toEqual(['idle', 'selecting', 'idle']);
    expect(r.effects).toEqual([{ type: 'selectionStart' }, { type: 'create', start: at('New'), end: york + 4, label: 'loc' }]);
    expect(spanToolRange({ name: 'selecting', via: 'pointer', anchor: 0, caret: 4 })).toBeNull(); // the browser draws it
  });

  it('pointer: a click without a selection moves the caret and asks for a hit test; a release without a press is ignored', () => {
    const r = run([{ type: 'pointerdown', offset: 7 }, { type: 'pointerup', offset: 7, selection: null }]);
    expect(r.state).toEqual({ name: 'idle', caret: 7 });
    expect(r.effects).toEqual([{ type: 'click' }]);
    expect(run([{ type: 'pointerup', offset: 3, selection: null }]).handled).toBe(false);
  });

  it('resizing by a handle: begin, a resize per move that changes the bounds (snapped, never empty), end on release', () => {
    const city = at('City');
    const r = run([
      { type: 'pointerdown', offset: null, handle: { id: 's', edge: 'end' } },
      { type: 'pointermove', offset: 17 },
      { type: 'pointermove', offset: 15 }, // would empty the span: ignored
      { type: 'pointermove', offset: null },
      { type: 'pointermove', offset: city + 4 },
      { type: 'pointerup', offset: city + 4, selection: null },
    ]);
    expect(r.path).toEqual(['idle', 'resizing', 'resizing', 'resizing', 'resizing', 'resizing', 'idle']);
    expect(r.effects).toEqual([
      { type: 'resizeBegin', id: 's' },
      { type: 'resize', id: 's', start: 15, end: 17 },
      { type: 'resize', id: 's', start: 15, end: city + 4 },
      { type: 'resizeEnd', id: 's' },
    ]);
  });

  it('resizing the start edge snaps to words with snap "word"; cancel ends the resize too', () => {
    const york = at('York');
    spans.set('w', { start: york, end: york + 4 });
    const r = run([{ type: 'pointerdown', offset: null, handle: { id: 'w', edge: 'start' } }, { type: 'pointermove', offset: at('New') + 1 }, { type: 'cancel' }], { snap: 'word' });
    expect(r.effects).toEqual([{ type: 'resizeBegin', id: 'w' }, { type: 'resize', id: 'w', start: at('New'), end: york + 4 }, { type: 'resizeEnd', id: 'w' }]);
    expect(r.state.name).toBe('idle');
  });

  it('Escape (cancel) clears a selection but is not used when idle', () => {
    expect(run([caret(0), caret(3, true), { type: 'cancel' }]).state).toEqual({ name: 'idle', caret: 3 });
    expect(run([{ type: 'cancel' }]).handled).toBe(false);
  });

  it('a new selection, by keyboard or pointer, first asks the component to clear the span selection (once per selection)', () => {
    const keys = run([caret(0), caret(3, true), caret(5, true), caret(0, true), caret(0, true), caret(4, true)]);
    // Once when the selection starts; again only after it collapsed to nothing (a new one starts).
    expect(keys.effects.filter((e) => e.type === 'selectionStart')).toHaveLength(2);
    expect(keys.effects[0]).toEqual({ type: 'selectionStart' });
    const mouse = run([{ type: 'pointerdown', offset: 0 }, { type: 'pointerup', offset: 5, selection: { anchor: 0, focus: 5 } }]);
    expect(mouse.effects).toEqual([{ type: 'selectionStart' }, { type: 'openPicker', start: 0, end: 5 }]);
    // A click (no selection) is not a new selection: the component's hit test decides what is selected.
    expect(run([{ type: 'pointerdown', offset: 7 }, { type: 'pointerup', offset: 7, selection: null }]).effects).toEqual([{ type: 'click' }]);
    // Shift with the caret staying put makes no selection.
    expect(run([caret(2), caret(2, true)]).effects).toEqual([]);
  });

  it('the pending selection to highlight: the keyboard range, and the picker\'s (snapped) range for a pointer or keyboard selection', () => {
    expect(spanToolPending(run([caret(0), caret(5, true)]).state)).toEqual({ start: 0, end: 5 });
    const mouse = run([{ type: 'pointerdown', offset: 5 }, { type: 'pointerup', offset: 12, selection: { anchor: 5, focus: 12 } }]);
    expect(mouse.state.name).toBe('picking');
    // 'Visit 🇯🇵 Tokyo': [5, 12) snaps to the flag and ' Tok' without the leading space.
    expect(spanToolPending(mouse.state)).toEqual({ start: 6, end: 12 });
    expect(spanToolPending(run([caret(0), caret(6, true), { type: 'label' }]).state)).toEqual({ start: 0, end: 5 });
    expect(spanToolPending(SPAN_TOOL_IDLE)).toBeNull();
    expect(spanToolPending({ name: 'selecting', via: 'pointer', anchor: 0, caret: 4 })).toBeNull(); // the browser draws it
  });
});
