import type { Annotation } from './annotation.js';
import { createHistory, type History, type HistoryEntry, type HistoryStep } from './history.js';

/** Who made a change: the person at the annotator, the host app through the API, or a collaborator. */
export type ChangeOrigin = 'user' | 'api' | 'remote';

/** Why a change happened: a new edit, or undo/redo of an earlier one. */
export type ChangeCause = 'edit' | 'undo' | 'redo';

/** What changed, as delivered to listeners and to `onChange`. */
export interface ChangeSet {
  added: Annotation[];
  /** `[before, after]` pairs. */
  updated: [Annotation, Annotation][];
  removed: Annotation[];
  origin: ChangeOrigin;
  cause: ChangeCause;
}

/** An edit to apply: whole annotations to add or replace (by id), ids to remove. */
export interface ChangeInput {
  added?: readonly Annotation[];
  updated?: readonly Annotation[];
  removed?: readonly string[];
}

/** How to apply an edit. */
export interface ApplyOptions {
  origin: ChangeOrigin;
  /** `record` (default for `user`) enters undo history; `ignore` (default otherwise) does not. Only `user` changes are ever recorded. */
  history?: 'record' | 'ignore';
}

/** Options of {@link createAnnotationStore}. */
export interface AnnotationStoreOptions {
  /** Most undo steps kept; older ones are dropped. Default 500. */
  historyDepth?: number;
}

/** Listener of store changes. */
export type ChangeListener = (change: ChangeSet, snapshot: readonly Annotation[]) => void;

/**
 * Holds annotations as immutable snapshots. Every change makes a new array and never mutates an old one,
 * so `getSnapshot()` works with `useSyncExternalStore` and old snapshots stay valid forever.
 */
export interface AnnotationStore {
  /** The current annotations (frozen array; the same reference until something changes). */
  getSnapshot(): readonly Annotation[];
  /** One annotation by id. */
  get(id: string): Annotation | undefined;
  /** Called after every change (once per batch). Returns an unsubscribe function. */
  subscribe(listener: ChangeListener): () => void;
  /** Adds, replaces and removes annotations. Unknown ids in `updated`/`removed` are errors; a duplicate id in `added` too. */
  apply(change: ChangeInput, options: ApplyOptions): ChangeSet;
  /** Runs `fn`; every `apply` inside becomes one change set for listeners and one undo step. */
  batch<T>(fn: () => T): T;
  /** Starts a gesture (a drag): listeners hear every move, history records the whole gesture as one step. */
  beginGesture(): void;
  /** Ends the gesture started by {@link beginGesture}. */
  endGesture(): void;
  /** Undoes the last recorded step; returns its change set, or null if there is nothing to undo. */
  undo(): ChangeSet | null;
  /** Redoes the last undone step. */
  redo(): ChangeSet | null;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Brings the store to `next` (e.g. a new controlled `value`) by the smallest diff, by id; history is kept. */
  sync(next: readonly Annotation[], origin?: Exclude<ChangeOrigin, 'user'>): ChangeSet | null;
  /** Drops all undo/redo steps. */
  clearHistory(): void;
  /** The undo history (for inspection and tests). */
  readonly history: History;
}

/** Creates an {@link AnnotationStore} holding `initial` (ids must be unique). */
export function createAnnotationStore(initial: readonly Annotation[] = [], options: AnnotationStoreOptions = {}): AnnotationStore {
  let snapshot: readonly Annotation[] = Object.freeze([...initial]);
  let indexById = buildIndex(snapshot);
  if (indexById.size !== snapshot.length) throw new Error('createAnnotationStore: annotation ids must be unique');
  const listeners = new Set<ChangeListener>();
  const history = createHistory(options.historyDepth ?? 500);

  // Pending batch: merged change set for listeners and merged history entries.
  let batchDepth = 0;
  let pendingChange: ChangeSet | null = null;
  let pendingEntries: Map<string, HistoryEntry> | null = null;
  let pendingRecord = false;
  let gestureEntries: Map<string, HistoryEntry> | null = null;

  const emit = (change: ChangeSet) => {
    for (const l of [...listeners]) l(change, snapshot);
  };

  /** Applies a raw change to the snapshot; returns the change set and the per-id history entries. */
  const commit = (change: InternalChange, origin: ChangeOrigin, cause: ChangeCause): { set: ChangeSet; entries: HistoryEntry[] } => {
    const next = [...snapshot];
    const set: ChangeSet = { added: [], updated: [], removed: [], origin, cause };
    const entries: HistoryEntry[] = [];
    const problems: string[] = [];
    for (const a of change.updated ?? []) {
      const i = indexById.get(a.id);
      if (i === undefined) {
        problems.push(`cannot update unknown annotation "${a.id}"`);
        continue;
      }
      const before = next[i]!;
      if (before === a) continue;
      next[i] = a;
      set.updated.push([before, a]);
      entries.push({ id: a.id, before, after: a, index: i });
    }
    const removeIds = new Set(change.removed ?? []);
    if (removeIds.size) {
      for (const id of removeIds) if (!indexById.has(id)) problems.push(`cannot remove unknown annotation "${id}"`);
    }
    const addedIds = new Set<string>();
    for (const a of change.added ?? []) {
      if ((indexById.has(a.id) && !removeIds.has(a.id)) || addedIds.has(a.id)) problems.push(`cannot add annotation "${a.id}": the id is already used`);
      addedIds.add(a.id);
    }
    if (problems.length) throw new Error(`AnnotationStore.apply: ${problems.join('; ')}`);
    let result = next;
    if (removeIds.size) {
      result = [];
      next.forEach((a, i) => {
        if (removeIds.has(a.id)) {
          set.removed.push(a);
          entries.push({ id: a.id, before: a, after: null, index: i });
        } else result.push(a);
      });
    }
    for (const a of change.added ?? []) {
      const at = change.addedAt?.get(a.id);
      if (at !== undefined && at <= result.length) result.splice(at, 0, a);
      else result.push(a);
      set.added.push(a);
      entries.push({ id: a.id, before: null, after: a, index: at ?? result.length - 1 });
    }
    snapshot = Object.freeze(result);
    // Removals and positioned inserts shift indices: rebuild. Appends and updates only extend the index.
    if (removeIds.size || change.addedAt?.size) indexById = buildIndex(snapshot);
    else for (let i = snapshot.length - set.added.length; i < snapshot.length; i++) indexById.set(snapshot[i]!.id, i);
    return { set, entries };
  };

  const mergeSets = (a: ChangeSet, b: ChangeSet): ChangeSet => {
    // Compose per id so listeners of a batch see the net effect.
    const first = new Map<string, Annotation | null>();
    const last = new Map<string, Annotation | null>();
    const order: string[] = [];
    const note = (id: string, before: Annotation | null, after: Annotation | null) => {
      if (!first.has(id)) {
        first.set(id, before);
        order.push(id);
      }
      last.set(id, after);
    };
    for (const s of [a, b]) {
      for (const x of s.removed) note(x.id, x, null);
      for (const [bf, af] of s.updated) note(bf.id, bf, af);
      for (const x of s.added) note(x.id, null, x);
    }
    const out: ChangeSet = { added: [], updated: [], removed: [], origin: b.origin === a.origin ? a.origin : 'user', cause: a.cause };
    for (const id of order) {
      const bf = first.get(id) ?? null;
      const af = last.get(id) ?? null;
      if (bf === null && af !== null) out.added.push(af);
      else if (bf !== null && af === null) out.removed.push(bf);
      else if (bf !== null && af !== null && bf !== af) out.updated.push([bf, af]);
    }
    return out;
  };

  const mergeEntries = (into: Map<string, HistoryEntry>, entries: HistoryEntry[]) => {
    for (const e of entries) {
      const prev = into.get(e.id);
      if (prev) into.set(e.id, { id: e.id, before: prev.before, after: e.after, index: prev.index });
      else into.set(e.id, e);
    }
  };

  const record = (entries: Map<string, HistoryEntry> | HistoryEntry[]) => {
    const list = [...entries.values()].filter((e) => e.before !== e.after);
    if (list.length) history.push(list);
  };

  const store: AnnotationStore = {
    getSnapshot: () => snapshot,
    get: (id) => {
      const i = indexById.get(id);
      return i === undefined ? undefined : snapshot[i];
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    apply(change, opts) {
      const { set, entries } = commit(change, opts.origin, 'edit');
      const recordIt = opts.origin === 'user' && opts.history !== 'ignore';
      if (recordIt) {
        if (gestureEntries) mergeEntries(gestureEntries, entries);
        else if (pendingEntries) mergeEntries(pendingEntries, entries);
        else record(entries);
        if (batchDepth > 0) pendingRecord = true;
      }
      if (batchDepth > 0) pendingChange = pendingChange ? mergeSets(pendingChange, set) : set;
      else if (set.added.length || set.updated.length || set.removed.length) emit(set);
      return set;
    },
    batch(fn) {
      if (batchDepth === 0) {
        pendingChange = null;
        pendingEntries = gestureEntries ? null : new Map();
        pendingRecord = false;
      }
      batchDepth++;
      try {
        return fn();
      } finally {
        batchDepth--;
        if (batchDepth === 0) {
          const change = pendingChange;
          const entries = pendingEntries;
          pendingChange = null;
          pendingEntries = null;
          if (entries && pendingRecord) record(entries);
          if (change && (change.added.length || change.updated.length || change.removed.length)) emit(change);
        }
      }
    },
    beginGesture() {
      if (!gestureEntries) gestureEntries = new Map();
    },
    endGesture() {
      const entries = gestureEntries;
      gestureEntries = null;
      if (entries) record(entries);
    },
    undo() {
      const step = history.undo();
      return step ? replay(step, 'undo') : null;
    },
    redo() {
      const step = history.redo();
      return step ? replay(step, 'redo') : null;
    },
    canUndo: () => history.canUndo(),
    canRedo: () => history.canRedo(),
    sync(next, origin = 'api') {
      if (next === snapshot) return null;
      const added: Annotation[] = [];
      const updated: Annotation[] = [];
      let removed: string[] = [];
      // Fast path: the host kept the current annotations in place (edited some, appended some).
      const prefix = next.length >= snapshot.length && snapshot.every((a, i) => next[i]!.id === a.id);
      if (prefix) {
        for (let i = 0; i < snapshot.length; i++) {
          const a = next[i]!;
          if (a !== snapshot[i] && !shallowEqualAnnotation(snapshot[i]!, a)) updated.push(a);
        }
        const addedIds = new Set<string>();
        for (let i = snapshot.length; i < next.length; i++) {
          const a = next[i]!;
          if (indexById.has(a.id) || addedIds.has(a.id)) throw new Error(`AnnotationStore.sync: duplicate annotation id "${a.id}"`);
          addedIds.add(a.id);
          added.push(a);
        }
      } else {
        const nextIds = new Set<string>();
        for (const a of next) {
          if (nextIds.has(a.id)) throw new Error(`AnnotationStore.sync: duplicate annotation id "${a.id}"`);
          nextIds.add(a.id);
          const cur = store.get(a.id);
          if (!cur) added.push(a);
          else if (cur !== a && !shallowEqualAnnotation(cur, a)) updated.push(a);
        }
        removed = snapshot.filter((a) => !nextIds.has(a.id)).map((a) => a.id);
      }
      let set: ChangeSet | null = null;
      if (added.length || updated.length || removed.length) set = commit({ added, updated, removed }, origin, 'edit').set;
      // Adopt the host's order when it differs (z-order is the host's to set); when nothing changed and
      // the order is the same, keep the current snapshot so its reference stays stable.
      if (!prefix) {
        const sameOrder = next.length === snapshot.length && next.every((a, i) => snapshot[i]!.id === a.id);
        if (!sameOrder) {
          snapshot = Object.freeze([...next]);
          indexById = buildIndex(snapshot);
        }
      }
      if (set) emit(set);
      return set;
    },
    clearHistory: () => history.clear(),
    history,
  };

  const replay = (step: HistoryStep, cause: 'undo' | 'redo'): ChangeSet => {
    const added: Annotation[] = [];
    const updated: Annotation[] = [];
    const removed: string[] = [];
    const addedAt = new Map<string, number>();
    const entries = cause === 'undo' ? [...step].reverse() : step;
    for (const e of entries) {
      const target = cause === 'undo' ? e.before : e.after;
      const exists = indexById.has(e.id);
      if (target === null) {
        if (exists) removed.push(e.id);
      } else if (exists) updated.push(target);
      else {
        added.push(target);
        addedAt.set(e.id, e.index);
      }
    }
    // Re-insert removed annotations at their old places (z-order), lowest index first.
    added.sort((a, b) => (addedAt.get(a.id) ?? 0) - (addedAt.get(b.id) ?? 0));
    const { set } = commit({ added, updated, removed, addedAt }, 'user', cause);
    if (batchDepth > 0) pendingChange = pendingChange ? mergeSets(pendingChange, set) : set;
    else emit(set);
    return set;
  };

  return store;
}

function buildIndex(list: readonly Annotation[]): Map<string, number> {
  const m = new Map<string, number>();
  list.forEach((a, i) => m.set(a.id, i));
  return m;
}

/** Structural equality of two annotations (JSON-like values), used to ignore no-op updates from a host. */
export function shallowEqualAnnotation(a: Annotation, b: Annotation): boolean {
  return deepEqual(a, b);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Internal: where to re-insert added annotations (undo of a delete keeps z-order). */
type InternalChange = ChangeInput & { addedAt?: ReadonlyMap<string, number> };
