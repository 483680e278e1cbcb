import { DEFAULT_KEYMAP, type Keymap } from '@labelkit/core';

/**
 * Default shortcuts of the text annotators (`SpanAnnotator`, `IntentTagger`); remap any of them with
 * the `keymap` prop. Order matters: when a handler declines (say `spanEndRight` with no span
 * selected), the next action bound to the same keys gets the key (`extendRight`).
 *
 * - caret: `ArrowLeft`/`ArrowRight` by character (grapheme), `Mod+Arrow` or `Alt+Arrow` by word,
 *   `ArrowUp`/`ArrowDown` to the previous/next paragraph (sentence or turn in `IntentTagger`),
 *   `Home`/`End` to its start/end;
 * - `Shift` with those extends the selection; `Enter` labels it with the active label or, with no
 *   active label, opens the label picker (`/` always opens it); label hotkeys label it directly;
 * - with a span selected: `Shift+ArrowLeft/Right` moves its end, `Alt+Shift+ArrowLeft/Right` its
 *   start; `Delete`/`Backspace` deletes it; `Tab`/`Shift+Tab` walk spans in reading order (nested
 *   ones included) and leave the annotator after the last one;
 * - suggestions: `N`/`Shift+N` next/previous, `Enter` accept, `Shift+Delete` reject,
 *   `Mod+Shift+Enter` accept all pending, `Alt+Shift+Backspace` reject all pending (the suggestion
 *   bar's "Accept ≥" takes those at or above its threshold);
 * - `Mod+Z` undo, `Mod+Shift+Z`/`Mod+Y` redo, `Escape` clears the selection.
 */
export const TEXT_KEYMAP = {
  undo: DEFAULT_KEYMAP.undo,
  redo: DEFAULT_KEYMAP.redo,
  acceptSuggestion: DEFAULT_KEYMAP.acceptSuggestion,
  rejectSuggestion: DEFAULT_KEYMAP.rejectSuggestion,
  acceptAllSuggestions: DEFAULT_KEYMAP.acceptAllSuggestions,
  rejectAllSuggestions: DEFAULT_KEYMAP.rejectAllSuggestions,
  nextSuggestion: DEFAULT_KEYMAP.nextSuggestion,
  prevSuggestion: DEFAULT_KEYMAP.prevSuggestion,
  delete: DEFAULT_KEYMAP.delete,
  deselect: DEFAULT_KEYMAP.deselect,
  nextAnnotation: DEFAULT_KEYMAP.nextAnnotation,
  prevAnnotation: DEFAULT_KEYMAP.prevAnnotation,
  openLabelPicker: DEFAULT_KEYMAP.openLabelPicker,
  labelSelection: 'Enter',
  spanStartLeft: 'Alt+Shift+ArrowLeft',
  spanStartRight: 'Alt+Shift+ArrowRight',
  spanEndLeft: 'Shift+ArrowLeft',
  spanEndRight: 'Shift+ArrowRight',
  caretLeft: 'ArrowLeft',
  caretRight: 'ArrowRight',
  caretWordLeft: ['Mod+ArrowLeft', 'Alt+ArrowLeft'],
  caretWordRight: ['Mod+ArrowRight', 'Alt+ArrowRight'],
  caretUp: 'ArrowUp',
  caretDown: 'ArrowDown',
  caretHome: 'Home',
  caretEnd: 'End',
  extendLeft: 'Shift+ArrowLeft',
  extendRight: 'Shift+ArrowRight',
  extendWordLeft: 'Mod+Shift+ArrowLeft',
  extendWordRight: 'Mod+Shift+ArrowRight',
  extendUp: 'Shift+ArrowUp',
  extendDown: 'Shift+ArrowDown',
} as const satisfies Keymap;

/** An action id of {@link TEXT_KEYMAP}. */
export type TextAction = keyof typeof TEXT_KEYMAP;
