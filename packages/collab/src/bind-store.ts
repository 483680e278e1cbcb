import * as Y from 'yjs';
import { shallowEqualAnnotation, validateAnnotations, type Annotation, type AnnotationStore, type ChangeOrigin, type ChangeSet, type Issue, type LabelSchema, type ValidationContext } from '@labelkit/core';
import { FIELD, fromFields, toFields } from './annotation-fields.js';
import { isFractionalIndex, keyBetween, keysBetween } from './fractional-index.js';
import { jsonEqual } from './json-equal.js';

/** The name of the doc's top-level `Y.Map` of annotations (keyed by id, each a `Y.Map` of fields). */
export const ANNOTATIONS_MAP = 'annotations';

/** Options of {@link bindStore}. */
export interface BindStoreOptions {
  /** The label schema every annotation from the doc is validated against before it enters the store. */
  schema: LabelSchema;
  /** What the media tells validation (the source text for spans, the duration for segments, …). */
  context?: ValidationContext;
  /**
   * Called with the problems when a change from the doc (a collaborator's, or the doc's first state)
   * breaks the schema or the model: that change is refused whole, the store keeps what it had.
   */
  onRejected?(issues: Issue[]): void;
}

/** A live binding of an `AnnotationStore` to a `Y.Doc`; undo and redo are this person's own. */
export interface StoreBinding {
  /** Undoes this person's last edit (never a collaborator's); false when there is none. */
  undo(): boolean;
  /** Redoes the last edit undone by {@link undo}; false when there is none. */
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Stops keeping the store and the doc in step; both keep what they hold. */
  destroy(): void;
}

/**
 * Keeps `store` and `doc` in step. An empty doc takes the store's annotations; a non-empty one replaces
 * them (if valid). Each committed store change (a drag: once, at its end) goes to the doc as one Yjs
 * transaction; each transaction from elsewhere enters the store as one change with origin `'remote'`
 * (this binding's own undo and redo with origin `'api'`), validated first. The store's own echo is never
 * applied back to it. Layout and merge rules: docs/collaboration.md.
 */
export function bindStore(store: AnnotationStore, doc: Y.Doc, options: BindStoreOptions): StoreBinding {
  const root = doc.getMap<unknown>(ANNOTATIONS_MAP);
  // This binding's transactions: the origin its undo manager tracks, and whose echoes it skips.
  const origin = { binding: 'labelkit' };
  // The z-order key of every annotation in the store.
  const zById = new Map<string, string>();
  // True while the store takes a change from the doc, so the commit listener does not send it back.
  let applying = false;
  // Annotations this person deleted, as they were: undoing a delete restores the annotation's map, but
  // not a field a collaborator overwrote before the delete reached them (their value died with the
  // map, and Yjs never brings back a value someone else replaced), so undo fills those in from here.
  const deletedByMe = new Map<string, Annotation>();
  // Transactions that complete what an undo restored: not this person's edits, so not tracked.
  const repairOrigin = { binding: 'labelkit', repair: true };

  const compareBy = (z: (id: string) => string) => (a: Annotation, b: Annotation) => {
    const za = z(a.id);
    const zb = z(b.id);
    return za < zb ? -1 : za > zb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };

  // Ids of refused transactions, tried again one by one at every later change of the doc: a doc
  // state can be invalid for a moment without anyone's fault — updates delivered out of order let Yjs
  // apply a field's deletion before the value that replaced it arrives — and an annotation refused
  // with it must still enter the store once the doc holds it whole, even if no later change touches it.
  const refused = new Set<string>();

  /**
   * Brings the store to what the doc holds for `ids`, all or nothing; true when it did. Refused ids
   * are remembered (see `refused`) and, unless `quiet`, reported.
   */
  const applyFromDoc = (ids: Iterable<string>, storeOrigin: Exclude<ChangeOrigin, 'user'>, undo = false, quiet = false): boolean => {
    const candidates: unknown[] = [];
    const candidateIds: string[] = [];
    const removed = new Set<string>();
    const zNext = new Map<string, string>();
    const issues: Issue[] = [];
    for (const id of ids) {
      const map = root.get(id);
      if (map === undefined) {
        if (store.get(id)) removed.add(id);
        continue;
      }
      if (!(map instanceof Y.Map)) {
        issues.push({ path: `[${JSON.stringify(id)}]`, message: 'expected a Y.Map of annotation fields' });
        continue;
      }
      const z = map.get(FIELD.z);
      if (isFractionalIndex(z)) zNext.set(id, z);
      else issues.push({ path: `[${JSON.stringify(id)}].z`, message: `expected a fractional index (digits 0-9A-Za-z, not ending in 0), got ${JSON.stringify(z)}` });
      const deleted = undo ? deletedByMe.get(id) : undefined;
      const fallback = deleted ? (toFields(deleted) as Record<string, unknown>) : undefined;
      candidates.push(fromFields(id, (field) => map.get(field) ?? fallback?.[field]));
      candidateIds.push(id);
    }
    for (const issue of validateAnnotations(options.schema, candidates, options.context)) {
      issues.push({ ...issue, path: issue.path.replace(/^\[(\d+)\]/, (_, i: string) => `[${JSON.stringify(candidateIds[Number(i)])}]`) });
    }
    if (issues.length) {
      for (const id of candidateIds) refused.add(id);
      for (const id of removed) refused.add(id);
      if (!quiet) options.onRejected?.(issues);
      return false;
    }
    const z = (id: string) => zNext.get(id) ?? zById.get(id) ?? '';
    const updated: Annotation[] = [];
    const added: Annotation[] = [];
    let moved = false;
    for (const a of candidates as Annotation[]) {
      const current = store.get(a.id);
      if (!current) added.push(a);
      else {
        if (!shallowEqualAnnotation(current, a)) updated.push(a);
        if (zById.get(a.id) !== zNext.get(a.id)) moved = true;
      }
    }
    added.sort(compareBy(z));
    // The last annotation left in the store: additions above it append, the common case, in O(changed).
    const snapshot = store.getSnapshot();
    let top: Annotation | undefined;
    for (let i = snapshot.length - 1; i >= 0 && !top; i--) if (!removed.has(snapshot[i]!.id)) top = snapshot[i];
    const appends = !moved && (!added.length || !top || z(added[0]!.id) > z(top.id));
    applying = true;
    try {
      if (appends) {
        if (added.length || updated.length || removed.size) store.apply({ added, updated, removed: [...removed] }, { origin: storeOrigin });
      } else {
        const byId = new Map((candidates as Annotation[]).map((a) => [a.id, a]));
        const next = [...snapshot.filter((a) => !removed.has(a.id)).map((a) => byId.get(a.id) ?? a), ...added];
        store.sync(next.sort(compareBy(z)), storeOrigin);
      }
    } catch (error) {
      for (const id of candidateIds) refused.add(id);
      if (!quiet) options.onRejected?.([{ path: '', message: error instanceof Error ? error.message : String(error) }]);
      return false;
    } finally {
      applying = false;
    }
    for (const id of removed) zById.delete(id);
    for (const [id, z] of zNext) zById.set(id, z);
    for (const id of candidateIds) refused.delete(id);
    for (const id of removed) refused.delete(id);
    return true;
  };

  /** Tries the refused ids again, each on its own, quietly (they were reported when refused). */
  const retryRefused = (storeOrigin: Exclude<ChangeOrigin, 'user'>) => {
    for (const id of [...refused]) if (refused.has(id)) applyFromDoc([id], storeOrigin, false, true);
  };

  /**
   * New z keys for the annotations `need` (added or moved) at their places in `snapshot`, and for any
   * other whose key no longer sorts after the one before it (so every key stays strictly increasing).
   */
  const placeKeys = (snapshot: readonly Annotation[], need: ReadonlySet<string>): Map<string, string> => {
    const keys = new Map<string, string>();
    let lo: string | null = null;
    let run: string[] = [];
    const flush = (hi: string | null) => {
      const made = run.length === 1 ? [keyBetween(lo, hi)] : keysBetween(lo, hi, run.length);
      run.forEach((id, i) => keys.set(id, made[i]!));
      run = [];
    };
    for (const a of snapshot) {
      const z = need.has(a.id) ? undefined : zById.get(a.id);
      if (z !== undefined && (lo === null || z > lo)) {
        flush(z);
        lo = z;
      } else run.push(a.id);
    }
    flush(null);
    return keys;
  };

  const writeFields = (map: Y.Map<unknown>, before: Annotation | null, after: Annotation) => {
    const was = before ? toFields(before) : {};
    const now = toFields(after);
    for (const field of new Set([...Object.keys(was), ...Object.keys(now)]) as Set<keyof typeof now>) {
      // Unchanged by this edit, or already so in the doc (a collaborator's value the store took mid-drag):
      // writing it would claim their value as this person's edit, and this person's undo would revert it.
      if (jsonEqual(was[field], now[field]) || jsonEqual(map.get(field), now[field])) continue;
      if (now[field] === undefined) map.delete(field);
      else map.set(field, now[field]);
    }
  };

  const addToDoc = (a: Annotation, z: string) => {
    const map = new Y.Map<unknown>();
    root.set(a.id, map);
    writeFields(map, null, a);
    map.set(FIELD.z, z);
  };

  const onCommit = (change: ChangeSet, snapshot: readonly Annotation[]) => {
    if (applying) return;
    doc.transact(() => {
      for (const a of change.removed) {
        deletedByMe.set(a.id, a);
        root.delete(a.id);
        zById.delete(a.id);
      }
      const need = new Set([...change.added.map((a) => a.id), ...(change.moved ?? []).map((m) => m.id)]);
      const keys = need.size ? placeKeys(snapshot, need) : new Map<string, string>();
      for (const [before, after] of change.updated) {
        const map = root.get(after.id);
        // Gone from the doc but still in the store (a collaborator's delete arrives later): put it back whole.
        if (map instanceof Y.Map) writeFields(map, before, after);
        else addToDoc(after, keys.get(after.id) ?? zById.get(after.id) ?? keyBetween(null, null));
      }
      for (const a of change.added) addToDoc(a, keys.get(a.id)!);
      for (const [id, z] of keys) {
        zById.set(id, z);
        const map = root.get(id);
        if (map instanceof Y.Map && map.get(FIELD.z) !== z) map.set(FIELD.z, z);
      }
    }, origin);
  };

  // First state: an empty doc takes the store's annotations, a non-empty one replaces them.
  if (root.size === 0) {
    const snapshot = store.getSnapshot();
    if (snapshot.length) {
      const keys = keysBetween(null, null, snapshot.length);
      doc.transact(() => snapshot.forEach((a, i) => addToDoc(a, keys[i]!)), origin);
      snapshot.forEach((a, i) => zById.set(a.id, keys[i]!));
    }
  } else {
    applyFromDoc(new Set([...root.keys(), ...store.getSnapshot().map((a) => a.id)]), 'remote');
  }

  // Created after the first state, so undo never takes back the seeding.
  const undoManager = new Y.UndoManager(root, { trackedOrigins: new Set([origin]), captureTimeout: 0 });

  const onDeep = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (transaction.origin === origin || transaction.origin === repairOrigin) return;
    const ids = new Set<string>();
    for (const event of events) {
      if (event.target === root && event instanceof Y.YMapEvent) for (const key of event.keysChanged) ids.add(key);
      else if (typeof event.path[0] === 'string') ids.add(event.path[0]);
    }
    const storeOrigin = transaction.origin === undoManager ? 'api' : 'remote';
    // First what earlier transactions left refused (never a part of this one: a transaction is refused whole).
    retryRefused(storeOrigin);
    if (ids.size) applyFromDoc(ids, storeOrigin, transaction.origin === undoManager);
  };

  /** Writes into the doc the fields an undo restored the store with but the doc lacks (see deletedByMe). */
  const completeRestored = () => {
    const missing: [Y.Map<unknown>, Annotation][] = [];
    // Only fields the map lacks are written, so nothing restored by Yjs is overwritten.
    for (const id of [...deletedByMe.keys()]) {
      const map = root.get(id);
      if (!(map instanceof Y.Map)) continue;
      deletedByMe.delete(id);
      const restored = store.get(id);
      if (restored) missing.push([map, restored]);
    }
    if (missing.some(([map, a]) => Object.keys(toFields(a)).some((field) => map.get(field) === undefined))) {
      doc.transact(() => {
        for (const [map, a] of missing) {
          for (const [field, value] of Object.entries(toFields(a))) if (map.get(field) === undefined) map.set(field, value);
        }
      }, repairOrigin);
    }
  };

  const undoOrRedo = (step: () => unknown) => {
    const done = step() !== null;
    if (done) completeRestored();
    return done;
  };
  root.observeDeep(onDeep);
  const unsubscribe = store.subscribeCommits(onCommit);

  return {
    undo: () => undoOrRedo(() => undoManager.undo()),
    redo: () => undoOrRedo(() => undoManager.redo()),
    canUndo: () => undoManager.canUndo(),
    canRedo: () => undoManager.canRedo(),
    destroy() {
      unsubscribe();
      root.unobserveDeep(onDeep);
      undoManager.destroy();
    },
  };
}
