import { useState } from 'react';
import { focusAfterStep, reviewStepMessage, type Annotation, type AnnotationStore, type ReviewEvent, type ReviewState, type SuggestionReview } from '@labelkit/core';
import { useSuggestionReview } from '@labelkit/react';
import { suggestionReadingOrder } from './suggestion-order.js';

/** Options of {@link useTextReview}. */
export interface TextReviewOptions {
  /** The suggestions this annotator reviews (memoised: a new array replaces them). */
  suggestions: readonly Annotation[];
  /** Puts accepted suggestions into the store (core's `SuggestionReviewOptions.commit`); default: added as they are. */
  commit?(accepted: readonly Annotation[], store: AnnotationStore): void;
  /** Decisions are refused (announced) when read-only. */
  readOnly: boolean;
  /** The annotator's live region. */
  announce(message: string): void;
  /** The host's `onSuggestionDecision`: every decision, undo and redo reach it. */
  onSuggestionDecision?: ((d: ReviewEvent) => void) | undefined;
  /** Names a suggestion in announcements: `Organisation “Paris”`, `intent Book flight`. */
  describe(s: Annotation): string;
  /** A suggestion got the review focus (the annotator scrolls to it, clears its selection, ...). */
  onFocus?(s: Annotation): void;
}

/** What {@link useTextReview} returns: core's review, its state, the focused suggestion and the review commands. */
export interface TextReview {
  review: SuggestionReview;
  state: ReviewState;
  /** The suggestion under review (pending), or null. */
  focused: string | null;
  setFocused(id: string | null): void;
  /** Accepts (one store step) or rejects (one review step) pending suggestions; false when none of `ids` is pending. */
  decide(ids: readonly string[], decision: 'accepted' | 'rejected'): false | void;
  /** Accepts every pending suggestion, or those scored at least `minScore`. */
  acceptAll(minScore?: number): false | void;
  /** Rejects every pending suggestion. */
  rejectAll(): false | void;
  /** Focuses the next (`1`) or previous (`-1`) pending suggestion in reading order, wrapping around. */
  step(direction: 1 | -1): void;
  /** Undo or redo through the review: the newest (oldest undone) of edits, accepts and rejections. */
  history(which: 'undo' | 'redo'): void;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * The text annotators' suggestion review: core's review (`useSuggestionReview`, in reading order)
 * with the review focus, the host's `onSuggestionDecision` and the announcements both annotators
 * make. Every undo and redo of the annotator (keys, buttons, the imperative handle) goes through
 * {@link TextReview.history}, so edits, accepts and rejections come back in the order they happened.
 */
export function useTextReview(store: AnnotationStore, o: TextReviewOptions): TextReview {
  const { review, state } = useSuggestionReview(store, { suggestions: o.suggestions, order: suggestionReadingOrder, ...(o.commit ? { commit: o.commit } : {}) });
  const [focusedRaw, setFocused] = useState<string | null>(null);
  const focused = focusedRaw !== null && review.isPending(focusedRaw) ? focusedRaw : null;
  const report = (events: readonly ReviewEvent[]) => {
    for (const e of events) o.onSuggestionDecision?.(e);
  };
  const focus = (id: string | null) => {
    setFocused(id);
    const s = id === null ? undefined : review.get(id);
    if (s) o.onFocus?.(s);
  };
  const finish = (events: readonly ReviewEvent[], decision: 'accepted' | 'rejected') => {
    if (!events.length) return false;
    report(events);
    const first = events[0]!;
    // After one decision the next pending suggestion is up; after many, the focus stays if still pending.
    if (events.length === 1) focus(review.step(first.id, 1));
    else if (focused !== null && !review.isPending(focused)) setFocused(null);
    const s = review.get(first.id);
    o.announce(events.length === 1 && s ? `Suggestion ${decision}: ${o.describe(s)}` : `${events.length} suggestions ${decision}`);
  };
  const guard = (run: () => false | void) => (o.readOnly ? o.announce('Read only') : run());
  return {
    review,
    state,
    focused,
    setFocused,
    decide: (ids, decision) => {
      if (!ids.some((id) => review.isPending(id))) return false;
      return guard(() => finish(decision === 'accepted' ? review.accept(ids).events : review.reject(ids), decision));
    },
    acceptAll: (minScore) => guard(() => finish(review.acceptAll(minScore === undefined ? {} : { minScore }).events, 'accepted')),
    rejectAll: () => guard(() => finish(review.rejectAll(), 'rejected')),
    step(direction) {
      const id = review.step(focused, direction) ?? focused;
      const s = id === null ? undefined : review.get(id);
      if (!s) return o.announce('No suggestions');
      focus(s.id);
      const pending = review.pending();
      o.announce(`Suggestion ${pending.indexOf(s) + 1} of ${pending.length}: ${o.describe(s)}${s.score === undefined ? '' : `, score ${s.score.toFixed(2)}`}. Enter accepts, Shift+Delete rejects.`);
    },
    history(which) {
      const step = which === 'undo' ? review.undo() : review.redo();
      report(step.events);
      const next = focusAfterStep(review, step, focused);
      if (next !== focused) focus(next);
      const verb = which === 'undo' ? 'Undone' : 'Redone';
      o.announce(
        reviewStepMessage(verb, step, (id) => {
          const s = review.get(id);
          return s ? o.describe(s) : undefined;
        }) || verb,
      );
    },
    canUndo: review.canUndo(),
    canRedo: review.canRedo(),
  };
}
