import type { OffsetIndex } from '@labelkit/core';
import { snapSelection, type SnapMode } from './snap-selection.js';

/**
 * The span tool of `SpanAnnotator`: making a span and resizing one by its handles, as a pure state
 * machine over normalised events (offsets in code points, already read from the DOM), with effects
 * out for the component to carry out. States:
 * - `idle`: a caret and nothing selected;
 * - `selecting`: a selection from `anchor` to `caret`, made with the keyboard (Shift+arrows; drawn
 *   by the annotator) or the pointer (the browser's own selection, read at pointer-up; `anchor` is
 *   where the press was, `caret` stays where it was until the release);
 * - `picking`: the label picker is open for `[start, end)`; a pick creates the span, cancel goes back;
 * - `resizing`: a handle of span `id` is being dragged: each move resizes it within one gesture.
 *
 * idle → selecting → (label) → created (idle) | picking → created (idle) | cancelled (back);
 * idle → resizing (pointer-down on a handle) → idle (pointer-up).
 */
export type SpanToolState =
  | { name: 'idle'; caret: number }
  | { name: 'selecting'; via: 'pointer' | 'keyboard'; anchor: number; caret: number }
  | { name: 'picking'; start: number; end: number; back: SpanToolState }
  | { name: 'resizing'; id: string; edge: 'start' | 'end'; caret: number };

/** An event as the span tool sees it. */
export type SpanToolEvent =
  /** A press at `offset` (null off the text), or on the `handle` of a span's edge. */
  | { type: 'pointerdown'; offset: number | null; handle?: { id: string; edge: 'start' | 'end' } }
  /** The pointer moved over `offset` (null off the text). */
  | { type: 'pointermove'; offset: number | null }
  /** The press ended at `offset`, with the browser's selection then (null when collapsed or outside). */
  | { type: 'pointerup'; offset: number | null; selection: { anchor: number; focus: number } | null }
  /** The keyboard moved the caret to `offset` (the caller applies grapheme, word and line rules); `extend` with Shift. */
  | { type: 'caret'; offset: number; extend: boolean }
  /** Label the selection (Enter: with the active label, else open the picker; a label hotkey: with `label`; `/`: `openPicker`). */
  | { type: 'label'; label?: string; openPicker?: boolean }
  /** The label picker picked `label`. */
  | { type: 'pick'; label: string }
  /** Escape, the picker closed, the pointer cancelled or focus lost. */
  | { type: 'cancel' };

/** What the component does for the tool. */
export type SpanToolEffect =
  /** A new text selection began (keyboard or pointer): clear the span selection, so a label key labels the new text. */
  | { type: 'selectionStart' }
  /** The keyboard selection is now `[start, end)` (announce it). */
  | { type: 'selected'; start: number; end: number }
  /** Create a span over `[start, end)` (snapped) with `label`. */
  | { type: 'create'; start: number; end: number; label: string }
  /** Open the label picker for `[start, end)`. */
  | { type: 'openPicker'; start: number; end: number }
  /** Nothing was made: read-only, or the selection was only whitespace. */
  | { type: 'refused'; reason: 'readOnly' | 'whitespace' }
  /** A click without a selection: the component selects the span under the pointer, if any. */
  | { type: 'click' }
  /** A resize began (open one undo step). */
  | { type: 'resizeBegin'; id: string }
  /** Resize span `id` to `[start, end)` (snapped, never empty). */
  | { type: 'resize'; id: string; start: number; end: number }
  /** The resize ended (close its undo step). */
  | { type: 'resizeEnd'; id: string };

/** What the span tool needs to know about the annotator. */
export interface SpanToolContext {
  text: string;
  index: OffsetIndex;
  snap: SnapMode;
  locale?: string | undefined;
  readOnly: boolean;
  /** The label new spans get without a picker (none: Enter opens the picker). */
  activeLabel?: string | undefined;
  /** A span's bounds as the store has them now (resizing reads them at every move). */
  spanBounds(id: string): { start: number; end: number } | undefined;
}

/** The result of one event. */
export interface SpanToolResult {
  state: SpanToolState;
  effects: SpanToolEffect[];
  /** The event was used (a key handler that gets false lets the key go to the next action). */
  handled: boolean;
}

/** The span tool's starting state: caret at the start of the text. */
export const SPAN_TOOL_IDLE: SpanToolState = { name: 'idle', caret: 0 };

/** The caret offset in `state`. */
export function spanToolCaret(state: SpanToolState): number {
  return state.name === 'picking' ? spanToolCaret(state.back) : state.caret;
}

/** The keyboard selection (`[start, end)`, non-empty, as the keys made it), or null; a pointer selection is the browser's own. */
export function spanToolRange(state: SpanToolState): { start: number; end: number } | null {
  if (state.name === 'picking') return state.back.name === 'selecting' ? spanToolRange(state.back) : null;
  if (state.name !== 'selecting' || state.via !== 'keyboard' || state.anchor === state.caret) return null;
  return { start: Math.min(state.anchor, state.caret), end: Math.max(state.anchor, state.caret) };
}

/**
 * The pending selection to highlight (`[start, end)`, not yet labelled), or null: the keyboard
 * selection, or the range the label picker is open for (snapped, whichever way it was made) — the
 * browser's own selection of a pointer drag is cleared at the release, so this is what shows it then.
 */
export function spanToolPending(state: SpanToolState): { start: number; end: number } | null {
  return state.name === 'picking' ? { start: state.start, end: state.end } : spanToolRange(state);
}

const result = (state: SpanToolState, effects: SpanToolEffect[] = [], handled = true): SpanToolResult => ({ state, effects, handled });
const unhandled = (state: SpanToolState): SpanToolResult => ({ state, effects: [], handled: false });

/** Labels `[a, b)` from `state`: create with `label` (or the active one), else open the picker; refused when read-only or blank. */
function labelRange(state: SpanToolState, a: number, b: number, label: string | undefined, ctx: SpanToolContext, openPicker = false): SpanToolResult {
  if (ctx.readOnly) return result(state, [{ type: 'refused', reason: 'readOnly' }]);
  const snapped = snapSelection(ctx.text, a, b, { snap: ctx.snap, ...(ctx.locale === undefined ? {} : { locale: ctx.locale }), index: ctx.index });
  if (!snapped) return result(state, [{ type: 'refused', reason: 'whitespace' }]);
  const id = openPicker ? undefined : (label ?? ctx.activeLabel);
  if (id !== undefined) return result({ name: 'idle', caret: snapped.end }, [{ type: 'create', ...snapped, label: id }]);
  return result({ name: 'picking', ...snapped, back: state }, [{ type: 'openPicker', ...snapped }]);
}

/** Where a dragged edge lands at `offset`: the span's new bounds, snapped, or null when it would be empty. */
function resizedBounds(bounds: { start: number; end: number }, edge: 'start' | 'end', offset: number, ctx: SpanToolContext): { start: number; end: number } | null {
  const opts = { snap: ctx.snap, ...(ctx.locale === undefined ? {} : { locale: ctx.locale }), index: ctx.index };
  const snapped = edge === 'start' ? snapSelection(ctx.text, offset, bounds.end, opts) : snapSelection(ctx.text, bounds.start, offset, opts);
  if (!snapped || (edge === 'start' ? snapped.start >= bounds.end : snapped.end <= bounds.start)) return null;
  return edge === 'start' ? { start: snapped.start, end: bounds.end } : { start: bounds.start, end: snapped.end };
}

/** The span tool: one event in, the next state and the effects out. See {@link SpanToolState}. */
export function spanTool(state: SpanToolState, event: SpanToolEvent, ctx: SpanToolContext): SpanToolResult {
  switch (state.name) {
    case 'idle':
    case 'selecting': {
      const caret = state.caret;
      if (event.type === 'caret') {
        if (!event.extend) return result({ name: 'idle', caret: event.offset });
        const anchor = state.name === 'selecting' && state.via === 'keyboard' ? state.anchor : caret;
        const next: SpanToolState = { name: 'selecting', via: 'keyboard', anchor, caret: event.offset };
        if (anchor === event.offset) return result(next);
        const selected: SpanToolEffect = { type: 'selected', start: Math.min(anchor, event.offset), end: Math.max(anchor, event.offset) };
        return result(next, spanToolRange(state) ? [selected] : [{ type: 'selectionStart' }, selected]);
      }
      if (event.type === 'pointerdown') {
        if (event.handle) return result({ name: 'resizing', ...event.handle, caret }, [{ type: 'resizeBegin', id: event.handle.id }]);
        // The caret stays until the release: the browser draws the selection, and a re-render under
        // the pointer (a moved caret element) would break it.
        return result({ name: 'selecting', via: 'pointer', anchor: event.offset ?? caret, caret });
      }
      if (event.type === 'pointerup') {
        if (state.name !== 'selecting' || state.via !== 'pointer') return unhandled(state);
        const sel = event.selection;
        if (sel && sel.anchor !== sel.focus) {
          const idle: SpanToolState = { name: 'idle', caret: Math.max(sel.anchor, sel.focus) };
          const r = labelRange(idle, sel.anchor, sel.focus, undefined, ctx);
          return { ...r, effects: [{ type: 'selectionStart' }, ...r.effects] };
        }
        return result({ name: 'idle', caret: event.offset ?? caret }, [{ type: 'click' }]);
      }
      if (event.type === 'label') {
        const range = spanToolRange(state);
        return range ? labelRange(state, range.start, range.end, event.label, ctx, event.openPicker) : unhandled(state);
      }
      if (event.type === 'cancel') return state.name === 'selecting' ? result({ name: 'idle', caret }) : unhandled(state);
      return unhandled(state);
    }
    case 'picking':
      if (event.type === 'pick') return labelRange(state.back, state.start, state.end, event.label, ctx);
      if (event.type === 'cancel') return result(state.back);
      return unhandled(state);
    case 'resizing': {
      if (event.type === 'pointermove') {
        const bounds = ctx.spanBounds(state.id);
        const next = bounds && event.offset !== null ? resizedBounds(bounds, state.edge, event.offset, ctx) : null;
        if (!bounds || !next || (next.start === bounds.start && next.end === bounds.end)) return result(state);
        return result(state, [{ type: 'resize', id: state.id, ...next }]);
      }
      if (event.type === 'pointerup' || event.type === 'cancel') return result({ name: 'idle', caret: state.caret }, [{ type: 'resizeEnd', id: state.id }]);
      return unhandled(state);
    }
  }
}
