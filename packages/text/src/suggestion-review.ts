import { createReviewHistory, type Annotation, type ReviewedStore } from '@labelkit/core';
import { stepSuggestion } from './suggestion-queue.js';

/**
 * Review of suggestions with undo, shared by the text annotators and free of React. It keeps which
 * suggestions are decided (out of review) and undoes decisions with the store's own steps, in the
 * order they happened: an accept is a store step (undoing it removes the accepted annotation, and the
 * suggestion is pending again), a rejection changes no annotation and has its own stack
 * (`createReviewHistory` in core), tagged with the store's history depths.
 */

/** One decision on a suggestion, as hosts hear it (`onSuggestionDecision`); `undone` when taken back. */
export interface ReviewEvent {
  id: string;
  decision: 'accepted' | 'rejected' | 'undone';
}

/** What a store undo or redo changed, as the review needs it (a core `ChangeSet` fits). */
export interface ReviewChange {
  readonly added: readonly Annotation[];
  readonly removed: readonly Annotation[];
}

/** What {@link TextReview.undo} or {@link TextReview.redo} did. */
export interface ReviewStep {
  /** `'rejection'`: a rejection was taken back or made again; `'store'`: the store's own step ran; `'none'`: nothing to do. */
  kind: 'rejection' | 'store' | 'none';
  /** Decisions that changed, to report to the host: `undone` for suggestions pending again. */
  events: ReviewEvent[];
  /** What the store step changed (null unless `kind` is `'store'`). */
  change: ReviewChange | null;
}

/** Suggestion review with undo: see the module comment. */
export interface TextReview {
  /** Suggestion ids decided (accepted or rejected) and not taken back. A new set after each change. */
  decided(): ReadonlySet<string>;
  /** Listens to changes of {@link decided} (for `useSyncExternalStore`); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /**
   * Records accepted suggestions, each with the id of the annotation it became; the caller applies
   * the annotations to the store (one step), whose undo puts all of them back in review.
   */
  accept(accepted: readonly { suggestion: string; annotation: string }[]): ReviewEvent[];
  /** Records rejected suggestions as one review step, taken at the store's current undo depth. */
  reject(ids: readonly string[]): ReviewEvent[];
  /** Undoes the latest of the review's rejections and the store's steps; `run` undoes the store's step. */
  undo(run: () => ReviewChange | null): ReviewStep;
  /** Redoes the latest undone rejection or store step; `run` redoes the store's step. */
  redo(run: () => ReviewChange | null): ReviewStep;
  /** Whether {@link undo} has anything to do: a store step or a rejection. */
  canUndo(): boolean;
  /** Whether {@link redo} has anything to do: a store step or a rejection. */
  canRedo(): boolean;
}

/** Creates a {@link TextReview} beside `store`, with nothing decided. */
export function createTextReview(store: ReviewedStore): TextReview {
  const rejections = createReviewHistory(store);
  // Accepted annotation id → the suggestions accepted with it, in one step: undoing the step takes them
  // all back, even one whose annotation the step itself replaced (exclusive intents accepted together).
  const acceptedFrom = new Map<string, readonly string[]>();
  let decided: ReadonlySet<string> = new Set();
  const listeners = new Set<() => void>();

  /** Marks `ids` decided (`on`) or pending; returns the events of those that changed. */
  const mark = (ids: readonly string[], on: boolean, decision: 'accepted' | 'rejected'): ReviewEvent[] => {
    const changed = [...new Set(ids)].filter((id) => decided.has(id) !== on);
    if (!changed.length) return [];
    const next = new Set(decided);
    for (const id of changed) {
      if (on) next.add(id);
      else next.delete(id);
    }
    decided = next;
    for (const l of [...listeners]) l();
    return changed.map((id) => ({ id, decision: on ? decision : 'undone' }));
  };
  const suggestionsOf = (list: readonly Annotation[]) => list.flatMap((a) => acceptedFrom.get(a.id) ?? []);

  const step = (which: 'undo' | 'redo', run: () => ReviewChange | null): ReviewStep => {
    const back = which === 'undo';
    const ids = back ? rejections.undo() : rejections.redo();
    if (ids) return { kind: 'rejection', events: mark(ids, !back, 'rejected'), change: null };
    if (back ? !store.canUndo() : !store.canRedo()) return { kind: 'none', events: [], change: null };
    const change = run();
    // Undo removes what its step added (an accept's annotation: the suggestion is pending again); redo
    // adds it back (accepted again). Undo adding or redo removing an annotation (a deletion) decides nothing.
    const events = change ? mark(suggestionsOf(back ? change.removed : change.added), !back, 'accepted') : [];
    return { kind: 'store', events, change };
  };

  return {
    decided: () => decided,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    accept(accepted) {
      const ids = accepted.map((a) => a.suggestion);
      for (const a of accepted) acceptedFrom.set(a.annotation, ids);
      return mark(ids, true, 'accepted');
    },
    reject(ids) {
      const events = mark(ids, true, 'rejected');
      if (events.length) rejections.rejected(events.map((e) => e.id));
      return events;
    },
    undo: (run) => step('undo', run),
    redo: (run) => step('redo', run),
    canUndo: () => rejections.canUndo(),
    canRedo: () => rejections.canRedo(),
  };
}

/**
 * The live-region message for an undo or redo (`verb`: `'Undone'` or `'Redone'`): what the review
 * took back or made again, with `describe` naming one suggestion by id (or undefined when unknown).
 */
export function reviewStepMessage(verb: 'Undone' | 'Redone', step: ReviewStep, describe: (id: string) => string | undefined): string {
  if (step.kind === 'none') return `Nothing to ${verb === 'Undone' ? 'undo' : 'redo'}`;
  const what = step.kind === 'rejection' ? 'rejection' : 'accept';
  const ids = step.events.map((e) => e.id);
  if (!ids.length) return verb;
  const one = ids.length === 1 ? describe(ids[0] ?? '') : undefined;
  const whom = one !== undefined ? `suggestion ${one}` : ids.length === 1 ? 'a suggestion' : `${ids.length} suggestions`;
  return `${verb}: ${what} of ${whom}${verb === 'Undone' ? ', pending again' : ''}`;
}

/**
 * The suggestion to focus after an undo or redo, given the one `focused` before it and the pending
 * suggestions `ordered` (reading order, as of before the step): the first suggestion pending again,
 * so Enter accepts it; else, when the focused one was decided again, the next one still pending; else
 * `focused` as it was.
 */
export function focusAfterStep(step: ReviewStep, focused: string | null, ordered: readonly Annotation[]): string | null {
  const back = step.events.find((e) => e.decision === 'undone');
  if (back) return back.id;
  if (focused === null || !step.events.some((e) => e.id === focused)) return focused;
  const ids = new Set(step.events.map((e) => e.id));
  const next = stepSuggestion(ordered.filter((s) => s.id === focused || !ids.has(s.id)), focused, 1);
  return next === focused ? null : next;
}
