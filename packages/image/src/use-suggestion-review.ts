import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { focusAfterStep, reviewStepMessage, type Annotation, type ReviewEvent, type ReviewStep } from '@labelkit/core';
import { useSuggestionReview as useCoreReview, type SuggestionDecision } from '@labelkit/react';
import type { AnnotatorCore } from './annotator-core.js';
import { isImageAnnotation, type ImageAnnotation, suggestionIdOf, suggestionKey } from '@labelkit/canvas2d';

/** Options of {@link useSuggestionReview}: the annotator's suggestion props. */
export interface SuggestionReviewOptions {
  suggestions?: Annotation[] | undefined;
  onSuggestionDecision?: ((d: SuggestionDecision) => void) | undefined;
}

/** Suggestions accepted during a drag: reported when it ends, taken back if it is cancelled. */
export interface SuggestionGesture {
  /** Whether a drag (a gesture of the select tool) is under way. */
  open: RefObject<boolean>;
  /** Suggestion id → the annotation it became, accepted by the drag under way. */
  accepts: RefObject<{ suggestion: string; annotation: string }[]>;
  /** Locked shapes the drag left alone, announced when it ends. */
  locked: RefObject<string[]>;
}

/** What {@link useSuggestionReview} returns. */
export interface SuggestionReview {
  /** The suggestions not yet accepted or rejected, in the order given. */
  pending: ImageAnnotation[];
  /** The suggestion under review (Enter accepts it, N moves on). */
  current: ImageAnnotation | null;
  /** The id of the suggestion selected for editing (clicked, or stepped to with N): its handles are live. */
  selected: string | null;
  selectedRef: RefObject<string | null>;
  /** `pending` and `current` as of the last render, for input handlers. */
  live: RefObject<{ pendingSuggestions: ImageAnnotation[]; current: ImageAnnotation | null }>;
  gesture: SuggestionGesture;
  setSelected(id: string | null): void;
  /** The suggestion selected for editing, under its select-tool key, if it is still pending. */
  selectedShape(): ImageAnnotation | undefined;
  /** An annotation by id, or a pending suggestion by key: what the select tool edits. */
  targetOf(id: string): ImageAnnotation | undefined;
  /** Selects a pending suggestion for editing. */
  select(sid: string): void;
  /** Ends a drag's accepts: reported when it went through, taken back (no step, no report) when it was cancelled. */
  endGesture(cancelled: boolean): void;
  /** Replaces annotations by id. Suggestions (by key) are accepted with the edit, in the same undo step. */
  applyUpdate(list: readonly ImageAnnotation[]): void;
  /** The shape (annotation id) an id of the select tool stands for: an accepted suggestion's annotation. */
  annotationIdOf(id: string): string;
  /** Accepts or rejects the current suggestion; false when there is none. */
  decideCurrent(decision: 'accepted' | 'rejected'): boolean;
  /** Accepts or rejects every pending suggestion, optionally only those scored at least `minScore`; false when there is none. */
  decideAll(decision: 'accepted' | 'rejected', minScore?: number): boolean;
  /** Moves the review to the next (1) or previous (-1) suggestion; false when there is none. */
  step(dir: 1 | -1): boolean;
  /** Undoes (or redoes) the newest store step or rejection, in the order they happened; says what it did. */
  history(which: 'undo' | 'redo'): ReviewStep;
  canUndo(): boolean;
  canRedo(): boolean;
}

/**
 * Review of suggestions (pre-labels) in the image annotator, on core's suggestion review: accept,
 * reject, step through them, and edit one before accepting it — the first edit of a suggestion
 * accepts it with the edit, as one undo step, and undoing an accept puts the suggestion back in
 * review. Rejections undo too, in turn with the store's steps; either way the host hears `undone`.
 * Suggestions take part in hit-testing and editing under keys of their own (suggestion-keys.ts).
 */
export function useSuggestionReview(core: AnnotatorCore, o: SuggestionReviewOptions): SuggestionReview {
  const { store, selection, announce, nameOf, kb, guardEdit, selectShapes } = core;
  const { suggestions } = o;
  const { review, state } = useCoreReview(store, { suggestions });
  const [currentSuggestion, setCurrentSuggestion] = useState<string | null>(null);
  const [selectedSuggestion, setSelectedSuggestionState] = useState<string | null>(null);
  const selSugRef = useRef<string | null>(null);
  selSugRef.current = selectedSuggestion;
  const setSelectedSuggestion = (id: string | null) => {
    selSugRef.current = id;
    setSelectedSuggestionState(id);
    if (id !== null) setCurrentSuggestion(id);
  };
  const latest = useRef(o);
  latest.current = o;
  const report = (events: readonly ReviewEvent[]) => {
    for (const e of events) latest.current.onSuggestionDecision?.(e);
  };
  const gesture: SuggestionGesture = { open: useRef(false), accepts: useRef<{ suggestion: string; annotation: string }[]>([]), locked: useRef<string[]>([]) };

  const pendingSuggestions = useMemo(() => state.pending.filter(isImageAnnotation), [state.pending]);
  const current = pendingSuggestions.find((s) => s.id === currentSuggestion) ?? pendingSuggestions[0] ?? null;
  const liveRef = useRef({ pendingSuggestions, current });
  liveRef.current = { pendingSuggestions, current };

  /** A pending suggestion under its select-tool key (see suggestion-keys.ts). */
  const suggestionByKey = (key: string): ImageAnnotation | undefined => {
    const id = suggestionIdOf(key);
    const s = id === null ? undefined : liveRef.current.pendingSuggestions.find((x) => x.id === id);
    return s ? { ...s, id: key } : undefined;
  };
  const selectedShape = (): ImageAnnotation | undefined => (selSugRef.current === null ? undefined : suggestionByKey(suggestionKey(selSugRef.current)));

  // Selecting shapes (any way: click, Tab, Mod+A, the host) ends the selection of a suggestion.
  useEffect(() => {
    if (selection.selectedIds.length && selSugRef.current !== null) setSelectedSuggestion(null);
  }, [selection.selectedIds]);

  const scoreText = (s: ImageAnnotation) => (s.score !== undefined ? ` score ${s.score.toFixed(2)}` : '');

  const select = (sid: string) => {
    setSelectedSuggestion(sid);
    if (core.refs.selected.current.size) selectShapes([]);
    const s = liveRef.current.pendingSuggestions.find((x) => x.id === sid);
    if (s) announce(`Suggestion ${nameOf(s.label)}${scoreText(s)} selected: edit it to accept it with your edit, ${kb('acceptSuggestion')} accepts it, ${kb('rejectSuggestion')} rejects it`);
  };

  /**
   * Accepts the pending suggestion `sid` as an annotation carrying `edited` (its geometry, label and
   * attributes) — the first edit of a suggestion accepts it. Returns the new annotation's id.
   */
  const acceptEdited = (sid: string, edited: ImageAnnotation): string => {
    const { events, annotations } = review.accept([{ id: sid, as: { ...edited, id: sid } }]);
    const id = annotations[0]?.id ?? sid;
    if (selSugRef.current === sid) setSelectedSuggestion(null);
    selectShapes([id]);
    if (gesture.open.current) gesture.accepts.current.push({ suggestion: sid, annotation: id });
    else report(events);
    return id;
  };

  const applyUpdate = (list: readonly ImageAnnotation[]) => {
    if (!list.length) return;
    if (!list.some((a) => suggestionIdOf(a.id) !== null)) {
      core.ann.apply({ updated: list });
      return;
    }
    core.ann.batch(() => {
      const updated: ImageAnnotation[] = [];
      for (const a of list) {
        const sid = suggestionIdOf(a.id);
        const done = sid === null ? undefined : review.annotationOf(sid);
        if (sid === null) updated.push(a);
        else if (done !== undefined && store.get(done) && review.sourceOf(done) === sid) updated.push({ ...a, id: done, source: 'model' });
        else acceptEdited(sid, a);
      }
      if (updated.length) core.ann.apply({ updated });
    });
  };

  /** Decides `ids` (pending) as one step, reporting each decision. */
  const decide = (ids: readonly string[], decision: 'accepted' | 'rejected') => {
    const events = decision === 'accepted' ? review.accept(ids).events : review.reject(ids);
    if (selSugRef.current !== null && ids.includes(selSugRef.current)) setSelectedSuggestion(null);
    report(events);
  };

  const history = (which: 'undo' | 'redo'): ReviewStep => {
    const before = liveRef.current.current?.id ?? null;
    const result = which === 'undo' ? review.undo() : review.redo();
    report(result.events);
    const focus = focusAfterStep(review, result, before);
    if (focus !== before) setCurrentSuggestion(focus);
    if (selSugRef.current !== null && result.events.some((e) => e.id === selSugRef.current && e.decision !== 'undone')) setSelectedSuggestion(null);
    const message = reviewStepMessage(which === 'undo' ? 'Undone' : 'Redone', result, (id) => {
      const s = review.get(id);
      return s ? nameOf(s.label) : undefined;
    });
    if (message) announce(message);
    return result;
  };

  return {
    pending: pendingSuggestions,
    current,
    selected: selectedSuggestion,
    selectedRef: selSugRef,
    live: liveRef,
    gesture,
    setSelected: setSelectedSuggestion,
    selectedShape,
    targetOf: (id) => core.shapeOf(id) ?? suggestionByKey(id),
    select,
    endGesture(cancelled) {
      const accepts = gesture.accepts.current;
      gesture.accepts.current = [];
      if (!accepts.length) return;
      if (!cancelled) {
        report(accepts.map((g) => ({ id: g.suggestion, decision: 'accepted' })));
        return;
      }
      // A cancelled drag of a suggestion leaves it pending: the accept goes with the drag.
      core.ann.apply({ removed: accepts.map((g) => g.annotation).filter((id) => store.get(id)) });
      review.forget(accepts.map((g) => g.suggestion));
      selectShapes([]);
      setSelectedSuggestion(accepts[0]?.suggestion ?? null);
    },
    applyUpdate,
    annotationIdOf: (id) => {
      const sid = suggestionIdOf(id);
      return sid === null ? id : (review.annotationOf(sid) ?? id);
    },
    decideCurrent: (decision) => {
      const { current: cur, pendingSuggestions: pend } = liveRef.current;
      if (!cur) return false;
      if (!guardEdit()) return true;
      decide([cur.id], decision);
      setCurrentSuggestion(review.step(cur.id, 1));
      announce(`Suggestion ${nameOf(cur.label)} ${decision}. ${pend.length - 1} left`);
      return true;
    },
    decideAll: (decision, minScore) => {
      const { pendingSuggestions: pend } = liveRef.current;
      const chosen = pend.filter((s) => minScore === undefined || (s.score !== undefined && s.score >= minScore));
      if (!chosen.length) return false;
      if (!guardEdit()) return true;
      // All of them are one step, as accepting all is one store step.
      decide(
        chosen.map((s) => s.id),
        decision,
      );
      announce(`${chosen.length} suggestions ${decision}`);
      return true;
    },
    step: (dir) => {
      const { current: cur, pendingSuggestions: pend } = liveRef.current;
      const nextId = review.step(cur?.id ?? null, dir) ?? cur?.id ?? null;
      const next = pend.find((s) => s.id === nextId);
      if (!next) return false;
      setCurrentSuggestion(next.id);
      if (selSugRef.current !== null) setSelectedSuggestion(next.id);
      announce(`Suggestion ${nameOf(next.label)}${scoreText(next)}, ${pend.indexOf(next) + 1} of ${pend.length}`);
      return true;
    },
    history,
    canUndo: () => review.canUndo(),
    canRedo: () => review.canRedo(),
  };
}
