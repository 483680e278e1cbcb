import { createId } from './ids.js';
import type { Annotation } from './annotation.js';
import type { AnnotationStore, ChangeSet } from './store.js';

/**
 * Review of suggestions (pre-labels from a model or a script) beside an annotation store, the same in
 * every annotator: a queue of pending suggestions in the annotator's order, accept (the suggestions
 * enter the store as annotations, `source: 'model'`, one undo step), reject (out of the queue, one
 * undo step of the review's own, since it changes no annotation), accept or reject all, step through
 * the queue, and undo/redo that take back edits, accepts and rejections in the order they happened.
 *
 * Ordering the review's steps with the store's: every step of the store's history has an id from a
 * counter that only grows (`History.lastId`); a rejection takes the next id of the same counter
 * (`History.mark()`), so undo takes back whichever of the two newest steps has the larger id and redo
 * whichever of the two undone ones has the smaller — however many old steps the history's depth limit
 * has dropped. Undoing a store step that added accepted annotations puts their suggestions back in
 * the queue (`undone`); redoing it accepts them again. Editors call this review's `undo`/`redo`
 * instead of the store's, so that the host's undo, the keys and the buttons all go one way.
 */

/** What a reviewer decided about a suggestion. */
export type ReviewDecision = 'accepted' | 'rejected';

/** A decision on one suggestion as the host hears it (`onSuggestionDecision`); `undone` when undo took it back. */
export interface ReviewEvent {
  id: string;
  decision: ReviewDecision | 'undone';
}

/** What {@link SuggestionReview.undo} or {@link SuggestionReview.redo} did. */
export interface ReviewStep {
  /** `'rejection'`: a rejection was taken back or made again; `'store'`: a store step ran; `'none'`: nothing to do. */
  kind: 'rejection' | 'store' | 'none';
  /** Decisions that changed, to report to the host: `undone` for suggestions pending again. */
  events: ReviewEvent[];
  /** What the store step changed (null unless `kind` is `'store'`). */
  change: ChangeSet | null;
}

/** A suggestion to accept: its id, or its id with the annotation it becomes (an edited suggestion: its geometry, label, attributes). */
export type AcceptItem = string | { id: string; as: Annotation };

/** What {@link SuggestionReview.accept} did. */
export interface AcceptResult {
  events: ReviewEvent[];
  /** The annotations the accepted suggestions became, in the order given. */
  annotations: Annotation[];
}

/** Orders the review queue; like `Array.prototype.sort`'s compare function (ties keep the given order). */
export type SuggestionOrder = (a: Annotation, b: Annotation) => number;

/** A queue order: highest `score` first; suggestions without a score last; ties keep their order. */
export const byScoreDescending: SuggestionOrder = (a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || 0;

/** Options of {@link createSuggestionReview}. */
export interface SuggestionReviewOptions {
  /** The suggestions to review. */
  suggestions?: readonly Annotation[];
  /** The queue order (default: the order given). */
  order?: SuggestionOrder;
  /**
   * Puts accepted annotations into the store. Default: one `store.apply({ added }, { origin: 'user' })`.
   * An annotator with rules of its own (exclusive tags replace each other) applies them here; whatever
   * it does is one undo step with the accept.
   */
  commit?(accepted: readonly Annotation[], store: AnnotationStore): void;
}

/** The review's state as one immutable value (a new object after each change), for `useSyncExternalStore`. */
export interface ReviewState {
  /** Every suggestion, in queue order. */
  readonly ordered: readonly Annotation[];
  /** The suggestions not yet decided, in queue order. */
  readonly pending: readonly Annotation[];
  /** Decisions by suggestion id; ids absent are pending. */
  readonly decisions: ReadonlyMap<string, ReviewDecision>;
}

/** Review of suggestions beside a store: see the module comment. */
export interface SuggestionReview {
  /** The current state (the same object until something changes). */
  getState(): ReviewState;
  /** Called after every change of {@link getState}; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The pending suggestions, in queue order. */
  pending(): readonly Annotation[];
  /** Whether `id` is a suggestion still pending. */
  isPending(id: string): boolean;
  /** A suggestion by id (decided or not). */
  get(id: string): Annotation | undefined;
  /** The suggestion an annotation was accepted from, or undefined. */
  sourceOf(annotationId: string): string | undefined;
  /** The annotation a suggestion was last accepted as (it may since have been undone), or undefined. */
  annotationOf(suggestionId: string): string | undefined;
  /**
   * Accepts pending suggestions: they enter the store (through `commit`) as one undo step — or as part
   * of the batch or gesture the store has open. Each becomes an annotation with its fields and score,
   * `source: 'model'` and its own id unless an annotation already has it. Ids not pending are skipped.
   */
  accept(items: readonly AcceptItem[]): AcceptResult;
  /**
   * Takes back accepts whose annotations the caller has removed again inside the same open gesture
   * (a drag that accepted a suggestion, then cancelled): the suggestions are pending again, with no
   * step and no event, as if never accepted. Ids not accepted are skipped; returns those taken back.
   */
  forget(suggestionIds: readonly string[]): string[];
  /** Rejects pending suggestions as one undo step (clearing redo, as any new step does). */
  reject(ids: readonly string[]): ReviewEvent[];
  /** Accepts every pending suggestion, or with `minScore` those scored at least that (unscored ones never qualify). */
  acceptAll(options?: { minScore?: number }): AcceptResult;
  /** Rejects every pending suggestion, or with `maxScore` those scored below it (unscored ones always). */
  rejectAll(options?: { maxScore?: number }): ReviewEvent[];
  /**
   * The pending suggestion after (`1`) or before (`-1`) `currentId` in queue order, wrapping around;
   * `currentId` may be decided already or unknown (then the first, or last, pending one). Null when
   * nothing else is pending.
   */
  step(currentId: string | null, direction: 1 | -1): string | null;
  /** Replaces the suggestions (decisions on ids still present are kept). */
  setSuggestions(list: readonly Annotation[]): void;
  /** Undoes the newest of the store's steps and the review's rejections. */
  undo(): ReviewStep;
  /** Redoes the oldest of what was undone, store step or rejection. */
  redo(): ReviewStep;
  canUndo(): boolean;
  canRedo(): boolean;
}

/**
 * The annotation a suggestion becomes when accepted: its fields and score, `source: 'model'`, and its
 * own id unless `taken(id)` (then a fresh one).
 */
export function acceptedAnnotation<T extends Annotation>(suggestion: T, taken: (id: string) => boolean): T {
  return { ...suggestion, id: taken(suggestion.id) ? createId(`${suggestion.kind}-`) : suggestion.id, source: 'model' };
}

/** Creates a {@link SuggestionReview} beside `store`, with nothing decided. */
export function createSuggestionReview(store: AnnotationStore, options: SuggestionReviewOptions = {}): SuggestionReview {
  const order = options.order;
  const commit = options.commit ?? ((accepted, s) => void s.apply({ added: accepted }, { origin: 'user' }));
  const history = store.history;
  let suggestions: readonly Annotation[] = options.suggestions ?? [];
  let byId = new Map(suggestions.map((s) => [s.id, s]));
  const decisions = new Map<string, ReviewDecision>();
  let state: ReviewState | null = null;
  // Accepted annotation id → every suggestion accepted with it in one call: undoing that step takes
  // them all back, even one whose annotation the step itself replaced (exclusive tags accepted together).
  const acceptedFrom = new Map<string, readonly string[]>();
  // Accepted annotation id → the suggestion it was made from.
  const madeFrom = new Map<string, string>();
  // Suggestion id → the annotation it was last accepted as (the inverse of madeFrom's latest entry).
  const madeAs = new Map<string, string>();
  // The review's own steps (rejections), with their history ids; `at` is the history's lastId when a
  // rejection was undone: a step pushed after that ends what can be redone.
  const done: { ids: readonly string[]; id: number }[] = [];
  const undone: { ids: readonly string[]; id: number; at: number }[] = [];
  const listeners = new Set<() => void>();

  const emit = () => {
    state = null;
    for (const l of [...listeners]) l();
  };
  const ordered = (): readonly Annotation[] => {
    if (!order) return suggestions;
    return suggestions
      .map((s, i) => [s, i] as const)
      .sort(([a, i], [b, j]) => order(a, b) || i - j)
      .map(([s]) => s);
  };
  const getState = (): ReviewState => {
    if (!state) {
      const all = ordered();
      state = Object.freeze({ ordered: all, pending: all.filter((s) => !decisions.has(s.id)), decisions: new Map(decisions) });
    }
    return state;
  };
  /** Sets (or, `decision` null, clears) the decision on `ids`; returns the events of those that changed. */
  const decide = (ids: readonly string[], decision: ReviewDecision | null): ReviewEvent[] => {
    const events: ReviewEvent[] = [];
    for (const id of new Set(ids)) {
      if ((decisions.get(id) ?? null) === decision) continue;
      if (decision) decisions.set(id, decision);
      else decisions.delete(id);
      events.push({ id, decision: decision ?? 'undone' });
    }
    if (events.length) emit();
    return events;
  };
  const isPending = (id: string) => byId.has(id) && !decisions.has(id);
  const groupsOf = (list: readonly Annotation[]) => list.flatMap((a) => acceptedFrom.get(a.id) ?? []);
  /** Drops undone rejections that a step made since they were undone has made impossible to redo. */
  const pruneUndone = () => {
    if (undone.length && undone.at(-1)!.at !== history.lastId) undone.length = 0;
  };

  const accept = (items: readonly AcceptItem[]): AcceptResult => {
    const chosen: { sid: string; as: Annotation }[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      const sid = typeof item === 'string' ? item : item.id;
      const s = byId.get(sid);
      if (!s || !isPending(sid) || seen.has(sid)) continue;
      seen.add(sid);
      chosen.push({ sid, as: typeof item === 'string' ? s : item.as });
    }
    if (!chosen.length) return { events: [], annotations: [] };
    const ids = new Set<string>();
    const annotations = chosen.map(({ sid, as }) => {
      const a = acceptedAnnotation({ ...as, id: sid }, (id) => store.get(id) !== undefined || ids.has(id));
      ids.add(a.id);
      return a;
    });
    const group = chosen.map((c) => c.sid);
    store.batch(() => commit(annotations, store));
    annotations.forEach((a, i) => {
      acceptedFrom.set(a.id, group);
      madeFrom.set(a.id, group[i]!);
      madeAs.set(group[i]!, a.id);
    });
    return { events: decide(group, 'accepted'), annotations };
  };

  const reject = (ids: readonly string[]): ReviewEvent[] => {
    const events = decide(ids.filter(isPending), 'rejected');
    if (!events.length) return events;
    done.push({ ids: events.map((e) => e.id), id: history.mark() });
    undone.length = 0;
    return events;
  };

  const undo = (): ReviewStep => {
    const mine = done.at(-1);
    const theirs = history.nextUndoId;
    if (mine && (theirs === null || mine.id > theirs)) {
      done.pop();
      undone.push({ ...mine, at: history.lastId });
      return { kind: 'rejection', events: decide(mine.ids, null), change: null };
    }
    if (theirs === null) return { kind: 'none', events: [], change: null };
    const change = store.undo();
    // Undo removes what its step added: an accept's annotations, whose suggestions are pending again.
    // Undo adding an annotation (a deletion taken back) decides nothing.
    return { kind: 'store', events: change ? decide(groupsOf(change.removed), null) : [], change };
  };

  const redo = (): ReviewStep => {
    pruneUndone();
    const mine = undone.at(-1);
    const theirs = history.nextRedoId;
    if (mine && (theirs === null || mine.id < theirs)) {
      undone.pop();
      done.push({ ids: mine.ids, id: mine.id });
      return { kind: 'rejection', events: decide(mine.ids, 'rejected'), change: null };
    }
    if (theirs === null) return { kind: 'none', events: [], change: null };
    const change = store.redo();
    return { kind: 'store', events: change ? decide(groupsOf(change.added), 'accepted') : [], change };
  };

  return {
    getState,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pending: () => getState().pending,
    isPending,
    get: (id) => byId.get(id),
    sourceOf: (annotationId) => madeFrom.get(annotationId),
    annotationOf: (suggestionId) => madeAs.get(suggestionId),
    accept,
    reject,
    forget(sids) {
      const back = [...new Set(sids)].filter((id) => decisions.get(id) === 'accepted');
      if (!back.length) return back;
      for (const [annotationId, from] of madeFrom) {
        if (!back.includes(from)) continue;
        madeFrom.delete(annotationId);
        acceptedFrom.delete(annotationId);
      }
      for (const id of back) {
        decisions.delete(id);
        madeAs.delete(id);
      }
      emit();
      return back;
    },
    acceptAll(o = {}) {
      const { minScore } = o;
      return accept(getState().pending.filter((s) => minScore === undefined || (s.score !== undefined && s.score >= minScore)).map((s) => s.id));
    },
    rejectAll(o = {}) {
      const { maxScore } = o;
      return reject(getState().pending.filter((s) => maxScore === undefined || s.score === undefined || s.score < maxScore).map((s) => s.id));
    },
    step(currentId, direction) {
      const all = getState().ordered;
      const n = all.length;
      if (!n) return null;
      const at = currentId === null ? -1 : all.findIndex((s) => s.id === currentId);
      const start = at === -1 ? (direction === 1 ? -1 : n) : at;
      for (let k = 1; k <= n; k++) {
        const s = all[(((start + direction * k) % n) + n) % n]!;
        if (s.id !== currentId && !decisions.has(s.id)) return s.id;
      }
      return null;
    },
    setSuggestions(list) {
      if (list === suggestions) return;
      suggestions = list;
      byId = new Map(list.map((s) => [s.id, s]));
      emit();
    },
    undo,
    redo,
    canUndo: () => done.length > 0 || history.nextUndoId !== null,
    canRedo: () => {
      pruneUndone();
      return undone.length > 0 || history.nextRedoId !== null;
    },
  };
}

/**
 * The live-region message for an undo or redo (`verb`: `'Undone'` or `'Redone'`): what the review
 * took back or made again, with `describe` naming one suggestion by id (or undefined when unknown).
 * An empty string for a store step that decided nothing: the annotator says what the edit was.
 */
export function reviewStepMessage(verb: 'Undone' | 'Redone', step: ReviewStep, describe: (id: string) => string | undefined): string {
  if (step.kind === 'none') return `Nothing to ${verb === 'Undone' ? 'undo' : 'redo'}`;
  const ids = step.events.map((e) => e.id);
  if (!ids.length) return '';
  const what = step.kind === 'rejection' ? 'rejection' : 'accept';
  const one = ids.length === 1 ? describe(ids[0] ?? '') : undefined;
  const whom = one !== undefined ? `suggestion ${one}` : ids.length === 1 ? 'a suggestion' : `${ids.length} suggestions`;
  return `${verb}: ${what} of ${whom}${verb === 'Undone' ? ', pending again' : ''}`;
}

/**
 * The suggestion to focus after an undo or redo, given the one `focused` before it: the first
 * suggestion pending again, so that Enter accepts it; else, when the focused one was decided again,
 * the next one still pending; else `focused` as it was.
 */
export function focusAfterStep(review: SuggestionReview, step: ReviewStep, focused: string | null): string | null {
  const back = step.events.find((e) => e.decision === 'undone');
  if (back) return back.id;
  if (focused === null || !step.events.some((e) => e.id === focused)) return focused;
  return review.step(focused, 1);
}
