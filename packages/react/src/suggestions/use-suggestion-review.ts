import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import {
  createSuggestionReview,
  type Annotation,
  type AnnotationStore,
  type ReviewState,
  type SuggestionOrder,
  type SuggestionReview,
} from '@labelkit/core';

const NONE: readonly Annotation[] = Object.freeze([]);

/** Options of {@link useSuggestionReview}. */
export interface UseSuggestionReviewOptions {
  /** The suggestions to review (the annotator's `suggestions` prop); a new array replaces them, decisions on ids still present are kept. */
  suggestions?: readonly Annotation[] | undefined;
  /** The queue order (read once, when the review is made; default: the order given). */
  order?: SuggestionOrder;
  /** Puts accepted annotations into the store (see core's `SuggestionReviewOptions.commit`); the latest one is used. */
  commit?(accepted: readonly Annotation[], store: AnnotationStore): void;
}

/** What {@link useSuggestionReview} returns: the review (stable) and its state as of this render. */
export interface UseSuggestionReviewResult {
  review: SuggestionReview;
  state: ReviewState;
}

/**
 * Core's suggestion review beside an annotator's store, for React: made once, fed the latest
 * `suggestions` before paint, and read with `useSyncExternalStore`, so a decision, an undo or a new
 * `suggestions` array re-renders the annotator.
 */
export function useSuggestionReview(store: AnnotationStore, options: UseSuggestionReviewOptions): UseSuggestionReviewResult {
  const commit = useRef(options.commit);
  commit.current = options.commit;
  const [review] = useState(() =>
    createSuggestionReview(store, {
      suggestions: options.suggestions ?? NONE,
      ...(options.order ? { order: options.order } : {}),
      commit: (accepted, s) => (commit.current ? commit.current(accepted, s) : void s.apply({ added: accepted }, { origin: 'user' })),
    }),
  );
  const suggestions = options.suggestions ?? NONE;
  useLayoutEffect(() => review.setSuggestions(suggestions), [review, suggestions]);
  const state = useSyncExternalStore(review.subscribe, review.getState, review.getState);
  return { review, state };
}
