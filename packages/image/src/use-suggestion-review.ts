import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { createId, createReviewHistory, type Annotation } from '@labelkit/core';
import type { SuggestionDecision } from '@labelkit/react';
import type { AnnotatorCore } from './annotator-core.js';
import { acceptSuggestion } from './commands.js';
import { isImageAnnotation, type ImageAnnotation } from './shapes.js';
import { suggestionIdOf, suggestionKey } from './suggestion-keys.js';

/** Options of {@link useSuggestionReview}: the annotator's suggestion props. */
export interface SuggestionReviewOptions {
  suggestions?: Annotation[] | undefined;
  onSuggestionDecision?: ((d: SuggestionDecision) => void) | undefined;
}

/** Suggestions accepted during a drag: reported when it ends, taken back if it is cancelled. */
export interface SuggestionGesture {
  /** Whether a drag (a gesture of the select tool) is under way. */
  open: RefObject<boolean>;
  accepts: RefObject<{ suggestion: string; annotation: string }[]>;
  /** Locked shapes the drag left alone, announced when it ends. */
  locked: RefObject<string[]>;
}

/** What {@link useSuggestionReview} returns. */
export interface SuggestionReview {
  /** The suggestions not yet accepted or rejected. */
  pending: ImageAnnotation[];
  /** The suggestion under review (Enter accepts it, N moves on). */
  current: ImageAnnotation | null;
  /** The id of the suggestion selected for editing (clicked, or stepped to with N): its handles are live. */
  selected: string | null;
  selectedRef: RefObject<string | null>;
  /** `pending` and `current` as of the last render, for input handlers. */
  live: RefObject<{ pendingSuggestions: ImageAnnotation[]; current: ImageAnnotation | null }>;
  gesture: SuggestionGesture;
  /** Accepted annotation id → suggestion id, and suggestion id → annotation id. */
  acceptedFrom: RefObject<Map<string, string>>;
  materialized: RefObject<Map<string, string>>;
  setSelected(id: string | null): void;
  /** Marks a suggestion decided (out of review) or, `on` false, pending again. */
  markDecided(sid: string, on: boolean): void;
  /** The suggestion selected for editing, under its select-tool key, if it is still pending. */
  selectedShape(): ImageAnnotation | undefined;
  /** An annotation by id, or a pending suggestion by key: what the select tool edits. */
  targetOf(id: string): ImageAnnotation | undefined;
  /** Selects a pending suggestion for editing. */
  select(sid: string): void;
  /** Reports a suggestion accepted by a drag, once the drag has ended. */
  reportAccepted(sid: string): void;
  /** Replaces annotations by id. Suggestions (by key) are accepted with the edit, in the same undo step. */
  applyUpdate(list: readonly ImageAnnotation[]): void;
  /** The shape (annotation id) an id of the select tool stands for: an accepted suggestion's annotation. */
  annotationIdOf(id: string): string;
  /** Accepts or rejects the current suggestion; false when there is none. */
  decideCurrent(decision: SuggestionDecision['decision']): boolean;
  /** Accepts or rejects every pending suggestion; false when there is none. */
  decideAll(decision: SuggestionDecision['decision']): boolean;
  /** Moves the review to the next (1) or previous (-1) suggestion; false when there is none. */
  step(dir: 1 | -1): boolean;
  /** Undo and redo of rejections, interleaved with the store's steps (see {@link RejectionHistory}). */
  rejections: RejectionHistory;
}

/**
 * Rejections change no annotation, so the store's history has no step for them: they have their own
 * stack (`createReviewHistory` in core), tagged with the store's depths. Undo and redo ask it first;
 * each of its methods reads the store as it stands when called.
 */
export interface RejectionHistory {
  /**
   * Takes back the latest rejection, if no store step was made after it: the suggestions are pending
   * again (the first becomes the current one) and are reported `undone`. False when the store's own
   * step comes first (or there is nothing to undo).
   */
  undo(): boolean;
  /** Rejects again what {@link undo} took back, if the store stands where it stood then; reported `rejected`. */
  redo(): boolean;
  /** Whether undo has anything to do: a rejection to take back, or the store's own step. */
  canUndo(): boolean;
  /** Whether redo has anything to do: a rejection to make again, or the store's own step. */
  canRedo(): boolean;
}

/** `decided` with `sids` added (`on`) or removed; the same set when nothing changes. */
function withDecided(decided: ReadonlySet<string>, sids: readonly string[], on: boolean): ReadonlySet<string> {
  if (sids.every((sid) => decided.has(sid) === on)) return decided;
  const next = new Set(decided);
  for (const sid of sids) {
    if (on) next.add(sid);
    else next.delete(sid);
  }
  return next;
}

/**
 * Review of suggestions (pre-labels): accept, reject, step through them, and edit one before
 * accepting it — the first edit of a suggestion accepts it with the edit, as one undo step, and
 * undoing an accept puts the suggestion back in review. Rejections undo too, in turn with the
 * store's steps ({@link RejectionHistory}); either way the host hears `undone`. Suggestions take
 * part in hit-testing and editing under keys of their own (suggestion-keys.ts).
 */
export function useSuggestionReview(core: AnnotatorCore, o: SuggestionReviewOptions): SuggestionReview {
  const { store, ann, selection, announce, nameOf, kb, guardEdit, selectShapes } = core;
  const { suggestions, onSuggestionDecision } = o;
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const [currentSuggestion, setCurrentSuggestion] = useState<string | null>(null);
  const [selectedSuggestion, setSelectedSuggestionState] = useState<string | null>(null);
  const selSugRef = useRef<string | null>(null);
  selSugRef.current = selectedSuggestion;
  const setSelectedSuggestion = useCallback((id: string | null) => {
    selSugRef.current = id;
    setSelectedSuggestionState(id);
    if (id !== null) setCurrentSuggestion(id);
  }, []);
  // Accepted annotation id → suggestion id (undo of an accept puts the suggestion back in review);
  // suggestion id → annotation id, for edits that continue on the accepted annotation.
  const acceptedFrom = useRef(new Map<string, string>());
  const materialized = useRef(new Map<string, string>());
  // Rejections undo with the store's steps, in the order they happened (see RejectionHistory).
  const [reviewHistory] = useState(() => createReviewHistory(store));
  // The latest options, for the store subscription and undo (which may run from an older render's handler).
  const latest = useRef(o);
  latest.current = o;
  const gesture: SuggestionGesture = { open: useRef(false), accepts: useRef<{ suggestion: string; annotation: string }[]>([]), locked: useRef<string[]>([]) };

  const pendingSuggestions = useMemo(
    () => (suggestions ?? []).filter((s): s is ImageAnnotation => isImageAnnotation(s) && !decided.has(s.id)),
    [suggestions, decided],
  );
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

  /** Marks suggestions decided (out of review) or, `on` false, pending again. */
  const markAll = (sids: readonly string[], on: boolean) => setDecided((d) => withDecided(d, sids, on));
  const markDecided = (sid: string, on: boolean) => markAll([sid], on);

  // Undoing an accepted suggestion puts it back in review (reported `undone`); redoing the accept
  // takes it out again (reported `accepted`), whatever ran the undo: a key, the toolbar, the handle.
  useEffect(
    () =>
      store.subscribe((change) => {
        if (change.cause === 'edit') return;
        const back = change.cause === 'undo';
        for (const a of back ? change.removed : change.added) {
          const sid = acceptedFrom.current.get(a.id);
          if (sid === undefined) continue;
          setDecided((d) => withDecided(d, [sid], !back));
          latest.current.onSuggestionDecision?.({ id: sid, decision: back ? 'undone' : 'accepted' });
        }
      }),
    [store],
  );
  // Selecting shapes (any way: click, Tab, Mod+A, the host) ends the selection of a suggestion.
  useEffect(() => {
    if (selection.selectedIds.length && selSugRef.current !== null) setSelectedSuggestion(null);
  }, [selection.selectedIds, setSelectedSuggestion]);

  const scoreText = (s: ImageAnnotation) => (s.score !== undefined ? ` score ${s.score.toFixed(2)}` : '');

  const select = (sid: string) => {
    setSelectedSuggestion(sid);
    if (core.refs.selected.current.size) selectShapes([]);
    const s = liveRef.current.pendingSuggestions.find((x) => x.id === sid);
    if (s) announce(`Suggestion ${nameOf(s.label)}${scoreText(s)} selected: edit it to accept it with your change, ${kb('acceptSuggestion')} accepts it, ${kb('rejectSuggestion')} rejects it`);
  };

  /**
   * Accepts the pending suggestion `sid` as an annotation carrying `edited` (its geometry, label and
   * attributes) — the first edit of a suggestion accepts it. Returns the new annotation's id.
   */
  const acceptEdited = (sid: string, edited: ImageAnnotation): string => {
    const id = store.get(sid) ? createId('img_') : sid;
    ann.apply({ added: [{ ...edited, id, source: 'model' } as ImageAnnotation] });
    materialized.current.set(sid, id);
    acceptedFrom.current.set(id, sid);
    markDecided(sid, true);
    if (selSugRef.current === sid) setSelectedSuggestion(null);
    selectShapes([id]);
    if (gesture.open.current) gesture.accepts.current.push({ suggestion: sid, annotation: id });
    else onSuggestionDecision?.({ id: sid, decision: 'accepted' });
    return id;
  };

  const applyUpdate = (list: readonly ImageAnnotation[]) => {
    if (!list.length) return;
    if (!list.some((a) => suggestionIdOf(a.id) !== null)) {
      ann.apply({ updated: list });
      return;
    }
    ann.batch(() => {
      const updated: ImageAnnotation[] = [];
      for (const a of list) {
        const sid = suggestionIdOf(a.id);
        const done = sid === null ? undefined : materialized.current.get(sid);
        if (sid === null) updated.push(a);
        else if (done !== undefined && store.get(done) && acceptedFrom.current.get(done) === sid) updated.push({ ...a, id: done, source: 'model' });
        else acceptEdited(sid, a);
      }
      if (updated.length) ann.apply({ updated });
    });
  };

  const decide = (s: ImageAnnotation, decision: SuggestionDecision['decision']) => {
    if (decision === 'accepted') {
      const accepted = acceptSuggestion(s, { has: (id: string) => store.get(id) !== undefined } as ReadonlySet<string>, () => createId('img_'));
      ann.apply({ added: [accepted] });
      acceptedFrom.current.set(accepted.id, s.id);
    }
    if (selSugRef.current === s.id) setSelectedSuggestion(null);
    markDecided(s.id, true);
    onSuggestionDecision?.({ id: s.id, decision });
  };

  /** Undoes or redoes the latest rejection when it comes before the store's own step (see {@link RejectionHistory}). */
  const retake = (which: 'undo' | 'redo'): boolean => {
    const ids = which === 'undo' ? reviewHistory.undo() : reviewHistory.redo();
    if (!ids) return false;
    const back = which === 'undo';
    const { pendingSuggestions: pend, current: cur } = liveRef.current;
    markAll(ids, !back);
    if (back) setCurrentSuggestion(ids[0] ?? null);
    else {
      if (selSugRef.current !== null && ids.includes(selSugRef.current)) setSelectedSuggestion(null);
      if (cur && ids.includes(cur.id)) {
        // As rejecting it did: the review moves on to the next suggestion still pending.
        const i = pend.indexOf(cur);
        const keep = (x: ImageAnnotation) => !ids.includes(x.id);
        setCurrentSuggestion(pend.slice(i + 1).find(keep)?.id ?? pend.slice(0, i).reverse().find(keep)?.id ?? null);
      }
    }
    for (const id of ids) latest.current.onSuggestionDecision?.({ id, decision: back ? 'undone' : 'rejected' });
    const first = ids.length === 1 ? (latest.current.suggestions ?? []).find((x) => x.id === ids[0]) : undefined;
    const what = first ? `rejection of suggestion ${nameOf(first.label)}` : `rejection of ${ids.length} suggestions`;
    announce(`${back ? 'Undone' : 'Redone'}: ${what}`);
    return true;
  };
  const rejections: RejectionHistory = {
    undo: () => retake('undo'),
    redo: () => retake('redo'),
    canUndo: () => reviewHistory.canUndo(),
    canRedo: () => reviewHistory.canRedo(),
  };

  return {
    pending: pendingSuggestions,
    current,
    selected: selectedSuggestion,
    selectedRef: selSugRef,
    live: liveRef,
    gesture,
    acceptedFrom,
    materialized,
    setSelected: setSelectedSuggestion,
    markDecided,
    selectedShape,
    targetOf: (id) => core.shapeOf(id) ?? suggestionByKey(id),
    select,
    reportAccepted: (sid) => onSuggestionDecision?.({ id: sid, decision: 'accepted' }),
    applyUpdate,
    annotationIdOf: (id) => {
      const sid = suggestionIdOf(id);
      return sid === null ? id : (materialized.current.get(sid) ?? id);
    },
    decideCurrent: (decision) => {
      const { current: cur, pendingSuggestions: pend } = liveRef.current;
      if (!cur) return false;
      if (!guardEdit()) return true;
      const i = pend.indexOf(cur);
      const next = pend[i + 1] ?? pend[i - 1] ?? null;
      decide(cur, decision);
      if (decision === 'rejected') reviewHistory.rejected([cur.id]);
      setCurrentSuggestion(next?.id ?? null);
      announce(`Suggestion ${nameOf(cur.label)} ${decision}. ${pend.length - 1} left`);
      return true;
    },
    decideAll: (decision) => {
      const { pendingSuggestions: pend } = liveRef.current;
      if (!pend.length) return false;
      if (!guardEdit()) return true;
      ann.batch(() => pend.forEach((s) => decide(s, decision)));
      // All of them are one step, as accepting all is one store step.
      if (decision === 'rejected') reviewHistory.rejected(pend.map((s) => s.id));
      announce(`${pend.length} suggestions ${decision}`);
      return true;
    },
    step: (dir) => {
      const { current: cur, pendingSuggestions: pend } = liveRef.current;
      if (!pend.length) return false;
      const i = cur ? pend.indexOf(cur) : -1;
      const next = pend[(i + dir + pend.length) % pend.length];
      if (!next) return false;
      setCurrentSuggestion(next.id);
      if (selSugRef.current !== null) setSelectedSuggestion(next.id);
      announce(`Suggestion ${nameOf(next.label)}${scoreText(next)}, ${pend.indexOf(next) + 1} of ${pend.length}`);
      return true;
    },
    rejections,
  };
}
