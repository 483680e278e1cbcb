import type { Annotation } from './annotation.js';
import { createHistory, type History, type HistoryEntry, type HistoryStep } from './history.js';
import { segmentRangeProblem } from './segment-range.js';

/** Who made a change: the person at the annotator, the host app through the API, or a collaborator. */
export type ChangeOrigin = 'user' | 'api' | 'remote';

/** Why a change happened: a new edit, or undo/redo of an earlier one. */
export type ChangeCause = 'edit' | 'undo' | 'redo';

/** An annotation that changed place in the list (z-order), in a {@link ChangeSet}. */
export interface MovedAnnotation {
  id: string;
  /** Its index in the list before the change. */
  from: number;
  /** Its index in the list after the change (in `next`). */
  to: number;
}

/** What changed, as delivered to listeners and to `onChange`. */
export interface ChangeSet {
  added: Annotation[];
  /** `[before, after]` pairs. */
  updated: [Annotation, Annotation][];
  removed: Annotation[];
  /**
   * Annotations that changed place in the list — its order is the z-order: later ones are drawn on
   * top — with their index before and after. Present only when something moved (bring to front, send
   * to back, their undo and redo, a host `value` in a new order). The annotations not listed here nor
   * in `added`/`removed` kept their relative order, so a copy of the list follows by taking the moved
   * ones out and putting each back at `to`, lowest `to` first. An annotation both moved and edited is
   * in `updated` too.
   */
  moved?: MovedAnnotation[];
  origin: ChangeOrigin;
  cause: ChangeCause;
  /**
   * `'move'` on a user's change made while a gesture (a drag) is open: a live draft that
   * {@link AnnotationStore.subscribe} listeners hear move by move, and that
   * {@link AnnotationStore.subscribeCommits} listeners hear once, merged, when the gesture ends.
   */
  phase?: 'move';
}

/** An edit to apply: whole annotations to add or replace (by id), ids to remove, annotations to move. */
export interface ChangeInput {
  added?: readonly Annotation[];
  updated?: readonly Annotation[];
  removed?: readonly string[];
  /**
   * New places in the list (z-order: index 0 is drawn first, at the bottom). Each `id` ends at index
   * `to` of the resulting list; the annotations not listed keep their relative order in the places
   * left. Ids must exist and not be added or removed by the same change; the indices must be distinct
   * and inside the resulting list. Bring `ids` to the front of `n` annotations: `to` = `n - ids.length`,
   * `n - ids.length + 1`, …; send to the back: `0`, `1`, ….
   */
  moved?: readonly { id: string; to: number }[];
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
  /** An annotation's place in the list (its z-order: higher is drawn on top), or -1. */
  indexOf(id: string): number;
  /** Called after every change (once per batch), each move of a gesture included (`phase: 'move'`). Returns an unsubscribe function. */
  subscribe(listener: ChangeListener): () => void;
  /**
   * Called once per committed change: every change outside a gesture (once per batch), and a whole
   * gesture's user changes merged into one change set when it ends — one per undo step, as a host's
   * `onChange` hears them. Returns an unsubscribe function.
   */
  subscribeCommits(listener: ChangeListener): () => void;
  /** Adds, replaces and removes annotations. Unknown ids in `updated`/`removed` are errors; a duplicate id in `added` too. */
  apply(change: ChangeInput, options: ApplyOptions): ChangeSet;
  /** Runs `fn`; every `apply` inside becomes one change set for listeners and one undo step. */
  batch<T>(fn: () => T): T;
  /**
   * Starts a gesture (a drag): history records the whole gesture as one step; `subscribe` listeners
   * hear every move (`phase: 'move'`), `subscribeCommits` listeners the merged change once it ends.
   * With `{ drafts: false }` (typing into a form field) every change is committed as it is made and
   * only history merges them.
   */
  beginGesture(options?: { drafts?: boolean }): void;
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
  const badInitial = snapshot.map(segmentRangeProblem).filter((p) => p !== undefined);
  if (badInitial.length) throw new Error(`createAnnotationStore: ${badInitial.join('; ')}`);
  const listeners = new Set<ChangeListener>();
  const history = createHistory(options.historyDepth ?? 500);

  // Pending batch: merged change set for listeners and merged history entries.
  let batchDepth = 0;
  let pendingChange: ChangeSet | null = null;
  let pendingEntries: Map<string, HistoryEntry> | null = null;
  let pendingRecord = false;
  let gestureEntries: Map<string, HistoryEntry> | null = null;
  // The snapshots the open batch and gesture started from (to settle indices of merged steps).
  let batchStart: readonly Annotation[] | null = null;
  let gestureStart: readonly Annotation[] | null = null;

  const commitListeners = new Set<ChangeListener>();
  // A gesture's user changes so far, merged: what commit listeners hear when it ends.
  let gestureChange: ChangeSet | null = null;
  let gestureDrafts = true;

  const emit = (change: ChangeSet) => {
    const move = gestureEntries !== null && gestureDrafts && change.origin === 'user';
    if (move) {
      change.phase = 'move';
      gestureChange = gestureChange ? mergeSets(gestureChange, change) : { ...change, added: [...change.added], updated: [...change.updated], removed: [...change.removed] };
    }
    for (const l of [...listeners]) l(change, snapshot);
    if (!move) for (const l of [...commitListeners]) l(change, snapshot);
  };

  /** Applies a raw change to the snapshot; returns the change set and the per-id history entries. */
  const commit = (change: InternalChange, origin: ChangeOrigin, cause: ChangeCause): { set: ChangeSet; entries: HistoryEntry[] } => {
    const prev = snapshot;
    const prevIndex = indexById;
    const next = [...prev];
    const updatedPairs: [Annotation, Annotation][] = [];
    const problems: string[] = [];
    // The one model rule that needs no schema and that no annotator may break: a segment is never empty.
    for (const a of change.added ?? []) {
      const bad = segmentRangeProblem(a);
      if (bad) problems.push(`cannot add ${bad}`);
    }
    for (const a of change.updated ?? []) {
      const bad = segmentRangeProblem(a);
      if (bad) problems.push(`cannot update ${bad}`);
      const i = prevIndex.get(a.id);
      if (i === undefined) {
        problems.push(`cannot update unknown annotation "${a.id}"`);
        continue;
      }
      const before = next[i]!;
      if (before === a) continue;
      next[i] = a;
      updatedPairs.push([before, a]);
    }
    const removeIds = new Set(change.removed ?? []);
    for (const id of removeIds) if (!prevIndex.has(id)) problems.push(`cannot remove unknown annotation "${id}"`);
    const addedIds = new Set<string>();
    for (const a of change.added ?? []) {
      if ((prevIndex.has(a.id) && !removeIds.has(a.id)) || addedIds.has(a.id)) problems.push(`cannot add annotation "${a.id}": the id is already used`);
      addedIds.add(a.id);
    }
    const moveTo = new Map<string, number>();
    if (change.moved?.length) {
      const length = prev.length - removeIds.size + addedIds.size;
      const targets = new Set<number>();
      for (const { id, to } of change.moved) {
        if (!prevIndex.has(id)) problems.push(`cannot move unknown annotation "${id}"`);
        else if (removeIds.has(id) || addedIds.has(id)) problems.push(`cannot move annotation "${id}": the same change adds or removes it`);
        else if (moveTo.has(id)) problems.push(`cannot move annotation "${id}" twice`);
        // A replay places annotations where they were; if the list changed meanwhile, the merge below copes.
        if (change.replay) {
          /* no range checks */
        } else if (!Number.isInteger(to) || to < 0 || to >= length) problems.push(`cannot move annotation "${id}" to index ${to}: expected an integer from 0 to ${length - 1}`);
        else if (targets.has(to)) problems.push(`cannot move two annotations to index ${to}`);
        targets.add(to);
        moveTo.set(id, to);
      }
    }
    if (problems.length) throw new Error(`AnnotationStore.apply: ${problems.join('; ')}`);

    let result: Annotation[];
    if (!removeIds.size && !change.addedAt?.size && !moveTo.size) {
      // Edits in place and appends: no index moves.
      result = next;
      for (const a of change.added ?? []) result.push(a);
    } else {
      // Everything that keeps its relative order, then the positioned ones merged in by target index.
      const stay: Annotation[] = [];
      const placed: [Annotation, number][] = [];
      for (const a of next) {
        if (removeIds.has(a.id)) continue;
        const to = moveTo.get(a.id);
        if (to === undefined) stay.push(a);
        else placed.push([a, to]);
      }
      for (const a of change.added ?? []) {
        const at = change.addedAt?.get(a.id);
        if (at === undefined) stay.push(a);
        else placed.push([a, at]);
      }
      placed.sort((x, y) => x[1] - y[1]);
      result = [];
      const total = stay.length + placed.length;
      let s = 0;
      let p = 0;
      // A target already passed (possible only in a replay over a list changed meanwhile) lands at the next free place.
      while (result.length < total) {
        const q = placed[p];
        if (q && (q[1] <= result.length || s >= stay.length)) {
          result.push(q[0]);
          p++;
        } else result.push(stay[s++]!);
      }
    }
    snapshot = Object.freeze(result);
    if (result !== next) indexById = buildIndex(snapshot);
    else for (let i = prev.length; i < snapshot.length; i++) indexById.set(snapshot[i]!.id, i);

    const set: ChangeSet = { added: [], updated: updatedPairs, removed: [], origin, cause };
    const entries = new Map<string, HistoryEntry>();
    for (const [before, after] of updatedPairs) entries.set(after.id, { id: after.id, before, after, index: prevIndex.get(after.id)! });
    if (removeIds.size) {
      prev.forEach((a, i) => {
        if (!removeIds.has(a.id)) return;
        set.removed.push(a);
        entries.set(a.id, { id: a.id, before: a, after: null, index: i });
      });
    }
    for (const a of change.added ?? []) {
      set.added.push(a);
      entries.set(a.id, { id: a.id, before: null, after: a, index: indexById.get(a.id)! });
    }
    // A move that leaves every moved annotation where it was, with nothing added or removed, changes nothing.
    const movedAny = [...moveTo.keys()].some((id) => prevIndex.get(id) !== indexById.get(id)) || removeIds.size > 0 || addedIds.size > 0;
    if (moveTo.size && movedAny) {
      set.moved = [];
      for (const id of moveTo.keys()) {
        const from = prevIndex.get(id)!;
        const to = indexById.get(id)!;
        set.moved.push({ id, from, to });
        const e = entries.get(id);
        const current = snapshot[to]!;
        entries.set(id, e ? { ...e, to } : { id, before: current, after: current, index: from, to });
      }
    }
    return { set, entries: [...entries.values()] };
  };

  const mergeSets = (a: ChangeSet, b: ChangeSet): ChangeSet => {
    // Compose per id so listeners of a batch see the net effect.
    const first = new Map<string, Annotation | null>();
    const last = new Map<string, Annotation | null>();
    const order: string[] = [];
    const movedIds: string[] = [];
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
      for (const x of s.added) {
        // Removed and added back within the batch: it may have changed place.
        if (first.get(x.id) && last.get(x.id) === null) movedIds.push(x.id);
        note(x.id, null, x);
      }
      for (const m of s.moved ?? []) movedIds.push(m.id);
    }
    const out: ChangeSet = { added: [], updated: [], removed: [], origin: b.origin === a.origin ? a.origin : 'user', cause: a.cause };
    for (const id of order) {
      const bf = first.get(id) ?? null;
      const af = last.get(id) ?? null;
      if (bf === null && af !== null) out.added.push(af);
      else if (bf !== null && af === null) out.removed.push(bf);
      else if (bf !== null && af !== null && bf !== af) out.updated.push([bf, af]);
    }
    // Indices are settled against the snapshots at the end of the batch (settleMoved).
    if (movedIds.length) out.moved = movedIds.map((id) => ({ id, from: -1, to: -1 }));
    return out;
  };

  /** Recomputes `moved` of a batch's merged change set from the snapshot the batch started from. */
  const settleMoved = (change: ChangeSet, start: readonly Annotation[]) => {
    if (!change.moved) return;
    const startIndex = buildIndex(start);
    const moved: MovedAnnotation[] = [];
    for (const id of new Set(change.moved.map((m) => m.id))) {
      const from = startIndex.get(id);
      const to = indexById.get(id);
      if (from !== undefined && to !== undefined) moved.push({ id, from, to });
    }
    if (moved.length && (moved.some((m) => m.from !== m.to) || change.added.length || change.removed.length)) change.moved = moved;
    else delete change.moved;
  };

  const mergeEntries = (into: Map<string, HistoryEntry>, entries: HistoryEntry[]) => {
    for (const e of entries) {
      const prev = into.get(e.id);
      if (!prev) {
        into.set(e.id, e);
        continue;
      }
      // Moved, or removed and added back: its place is settled when the step is recorded.
      const placed = prev.to !== undefined || e.to !== undefined || (prev.after === null && e.before === null);
      into.set(e.id, placed ? { id: e.id, before: prev.before, after: e.after, index: prev.index, to: e.to ?? e.index } : { id: e.id, before: prev.before, after: e.after, index: prev.index });
    }
  };

  /**
   * Pushes one undo step. `start` is the snapshot a batch or gesture began from: indices of entries
   * merged over several edits are recomputed against it and the current snapshot, so undo and redo
   * put every annotation back at its exact place.
   */
  const record = (entries: Iterable<HistoryEntry>, start: readonly Annotation[] | null) => {
    // Added and removed again within the step: nothing to record.
    let list = [...entries].filter((e) => e.before !== null || e.after !== null);
    if (start && list.some((e) => e.before === null || e.after === null || e.to !== undefined)) {
      const startIndex = buildIndex(start);
      list = list.map((e): HistoryEntry => {
        if (e.before !== null && e.after !== null) {
          const index = startIndex.get(e.id) ?? e.index;
          return e.to === undefined ? { id: e.id, before: e.before, after: e.after, index } : { id: e.id, before: e.before, after: e.after, index, to: indexById.get(e.id) ?? e.to };
        }
        const at = e.before !== null ? startIndex.get(e.id) : indexById.get(e.id);
        return { id: e.id, before: e.before, after: e.after, index: at ?? e.index };
      });
      // Moves that left every moved annotation in place, with nothing added or removed, left the order as it was.
      if (!list.some((e) => e.before === null || e.after === null || (e.to !== undefined && e.to !== e.index))) {
        list = list.map(({ id, before, after, index }) => ({ id, before, after, index }));
      }
    }
    list = list.filter((e) => e.before !== e.after || e.to !== undefined);
    if (list.length) history.push(list);
  };

  const isEmpty = (c: ChangeSet) => !c.added.length && !c.updated.length && !c.removed.length && !c.moved?.length;

  const store: AnnotationStore = {
    getSnapshot: () => snapshot,
    get: (id) => {
      const i = indexById.get(id);
      return i === undefined ? undefined : snapshot[i];
    },
    indexOf: (id) => indexById.get(id) ?? -1,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribeCommits(listener) {
      commitListeners.add(listener);
      return () => commitListeners.delete(listener);
    },
    apply(change, opts) {
      const { set, entries } = commit(change, opts.origin, 'edit');
      const recordIt = opts.origin === 'user' && opts.history !== 'ignore';
      if (recordIt) {
        if (gestureEntries) mergeEntries(gestureEntries, entries);
        else if (pendingEntries) mergeEntries(pendingEntries, entries);
        else record(entries, null);
        if (batchDepth > 0) pendingRecord = true;
      }
      if (batchDepth > 0) pendingChange = pendingChange ? mergeSets(pendingChange, set) : set;
      else if (!isEmpty(set)) emit(set);
      return set;
    },
    batch(fn) {
      if (batchDepth === 0) {
        pendingChange = null;
        pendingEntries = gestureEntries ? null : new Map();
        pendingRecord = false;
        batchStart = snapshot;
      }
      batchDepth++;
      try {
        return fn();
      } finally {
        batchDepth--;
        if (batchDepth === 0) {
          const change = pendingChange;
          const entries = pendingEntries;
          const start = batchStart ?? snapshot;
          pendingChange = null;
          pendingEntries = null;
          batchStart = null;
          if (entries && pendingRecord) record(entries.values(), start);
          if (change) settleMoved(change, start);
          if (change && !isEmpty(change)) emit(change);
        }
      }
    },
    beginGesture(options) {
      if (!gestureEntries) {
        gestureEntries = new Map();
        gestureStart = snapshot;
        gestureDrafts = options?.drafts ?? true;
      }
    },
    endGesture() {
      const entries = gestureEntries;
      const start = gestureStart;
      const net = gestureChange;
      gestureEntries = null;
      gestureStart = null;
      gestureChange = null;
      if (entries) record(entries.values(), start);
      if (net && start) {
        delete net.phase;
        settleMoved(net, start);
        if (!isEmpty(net)) for (const l of [...commitListeners]) l(net, snapshot);
      }
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
      const prevIndex = indexById;
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
          const moved = reordered(prevIndex, snapshot);
          if (moved.length) {
            set ??= { added: [], updated: [], removed: [], origin, cause: 'edit' };
            set.moved = moved;
          }
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
    const moved: { id: string; to: number }[] = [];
    const undo = cause === 'undo';
    for (const e of undo ? [...step].reverse() : step) {
      const target = undo ? e.before : e.after;
      // Where it belongs after this replay: its place before the step (undo) or after it (redo).
      const at = undo || e.to === undefined ? e.index : e.to;
      const exists = indexById.has(e.id);
      if (target === null) {
        if (exists) removed.push(e.id);
      } else if (!exists) {
        added.push(target);
        addedAt.set(e.id, at);
      } else {
        updated.push(target);
        if (e.to !== undefined) moved.push({ id: e.id, to: at });
      }
    }
    // Re-insert removed annotations at their old places (z-order), lowest index first.
    added.sort((a, b) => (addedAt.get(a.id) ?? 0) - (addedAt.get(b.id) ?? 0));
    const { set } = commit({ added, updated, removed, addedAt, moved, replay: true }, 'user', cause);
    if (batchDepth > 0) pendingChange = pendingChange ? mergeSets(pendingChange, set) : set;
    else emit(set);
    return set;
  };

  return store;
}

/**
 * The annotations of `next` that changed place relative to the others since `before` (an id → index
 * map of the earlier list): every one outside a longest run kept in the same relative order, so the
 * moves reported are as few as possible.
 */
function reordered(before: ReadonlyMap<string, number>, next: readonly Annotation[]): MovedAnnotation[] {
  const kept: { id: string; from: number; to: number }[] = [];
  next.forEach((a, to) => {
    const from = before.get(a.id);
    if (from !== undefined) kept.push({ id: a.id, from, to });
  });
  // Longest increasing subsequence of `from` (patience sorting), marking the annotations that stay.
  const tails: number[] = [];
  const parent = new Array<number>(kept.length).fill(-1);
  kept.forEach((k, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[tails[mid]!]!.from < k.from) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) parent[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const stays = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i !== -1; i = parent[i]!) stays.add(i);
  return kept.filter((_, i) => !stays.has(i));
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

/** Internal: where to re-insert added annotations (undo of a delete keeps z-order); `replay` for undo/redo. */
type InternalChange = ChangeInput & { addedAt?: ReadonlyMap<string, number>; replay?: boolean };
