import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createAnnotationStore, type Annotation, type AnnotationStore, type ApplyOptions, type ChangeInput, type ChangeSet } from '@labelkit/core';

/** Options of {@link useAnnotations}: the common `value`/`defaultValue`/`onChange` props of every annotator. */
export interface UseAnnotationsOptions {
  /** Controlled annotations. A new array with the same ids keeps selection and undo history. */
  value?: readonly Annotation[] | undefined;
  /** Initial annotations when uncontrolled. */
  defaultValue?: readonly Annotation[] | undefined;
  /**
   * Every committed change, user edits, undo and redo included (not the host's own `value` updates):
   * one call per undo step, a drag once at its end. `next` is frozen: copy it to modify it.
   */
  onChange?: ((next: Annotation[], change: ChangeSet) => void) | undefined;
  /** Every move of a drag under way, as a live draft (`change.phase` is `'move'`), then `(null, null)` when it ends; the drag reaches `onChange` once, at its end. */
  onDragMove?: ((draft: Annotation[] | null, change: ChangeSet | null) => void) | undefined;
  /** Most undo steps kept (default 500). */
  historyDepth?: number | undefined;
}

/** What {@link useAnnotations} returns. */
export interface UseAnnotationsResult {
  /** The annotations to render: the store's current snapshot. */
  annotations: readonly Annotation[];
  /** The underlying framework-free store (stable for the component's life). */
  store: AnnotationStore;
  /** Applies a user edit (origin `user`, recorded in history unless `history: 'ignore'`). */
  apply(change: ChangeInput, options?: Partial<ApplyOptions>): ChangeSet;
  /** Groups edits into one undo step and one `onChange`. */
  batch<T>(fn: () => T): T;
  /**
   * A drag: every move reaches `onDragMove`, `onChange` and history hear it once, at its end. With
   * `{ drafts: false }` (a form field) each change reaches `onChange` and history still makes one step.
   */
  beginGesture(options?: { drafts?: boolean }): void;
  endGesture(): void;
  /** Undoes the last step; returns what it changed (null when there was nothing to undo). */
  undo(): ChangeSet | null;
  /** Redoes the last undone step; returns what it changed (null when there was nothing to redo). */
  redo(): ChangeSet | null;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * Annotation state for an annotator, controlled (`value` + `onChange`) or uncontrolled (`defaultValue`).
 * Edits go through a core `AnnotationStore`; in controlled mode the store follows each new `value` by
 * diff (origin `api`, not recorded), so the host stays the source of truth while undo/redo keep working
 * and reach the host through `onChange`.
 */
export function useAnnotations({ value, defaultValue, onChange, onDragMove, historyDepth }: UseAnnotationsOptions): UseAnnotationsResult {
  const storeRef = useRef<AnnotationStore | null>(null);
  if (storeRef.current === null) storeRef.current = createAnnotationStore(value ?? defaultValue ?? [], historyDepth === undefined ? {} : { historyDepth });
  const store = storeRef.current;

  const controlled = value !== undefined;
  const wasControlled = useRef(controlled);
  if (wasControlled.current !== controlled) {
    console.warn('labelkit: an annotator switched between controlled (`value`) and uncontrolled (`defaultValue`). Pick one for its lifetime.');
    wasControlled.current = controlled;
  }

  // Follow the host's value before paint (rendering uses `value` directly meanwhile). Not during render:
  // the store notifies subscribers, and React forbids updating other components while rendering.
  useLayoutEffect(() => {
    if (controlled && value !== store.getSnapshot()) store.sync(value, 'api');
  }, [controlled, value, store]);

  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const onDragMoveRef = useRef(onDragMove);
  onDragMoveRef.current = onDragMove;
  // A drag under way: a controlled annotator shows the store's draft until the host has the result.
  const dragging = useRef(false);
  useEffect(() => {
    const offMoves = store.subscribe((change, snapshot) => {
      if (change.phase !== 'move') return;
      dragging.current = true;
      onDragMoveRef.current?.(snapshot as Annotation[], change);
    });
    const offCommits = store.subscribeCommits((change, snapshot) => {
      dragging.current = false;
      // Changes the host made itself (through `value`) are not echoed back.
      if (change.origin === 'api') return;
      // The snapshot itself (frozen): a host that stores it as `value` makes the next sync a no-op.
      onChangeRef.current?.(snapshot as Annotation[], change);
    });
    return () => {
      offMoves();
      offCommits();
    };
  }, [store]);

  const annotations = useSyncExternalStore(
    useCallback((cb: () => void) => store.subscribe(() => cb()), [store]),
    store.getSnapshot,
    store.getSnapshot,
  );

  // canUndo/canRedo change with the snapshot, so reading them during render is consistent.
  const [, force] = useState(0);
  const apply = useCallback((change: ChangeInput, options?: Partial<ApplyOptions>) => store.apply(change, { origin: 'user', ...options }), [store]);
  const undo = useCallback(() => {
    const change = store.undo();
    force((n) => n + 1);
    return change;
  }, [store]);
  const redo = useCallback(() => {
    const change = store.redo();
    force((n) => n + 1);
    return change;
  }, [store]);

  return useMemo(
    () => ({
      annotations: controlled && !dragging.current ? (value as readonly Annotation[]) : annotations,
      store,
      apply,
      batch: store.batch,
      beginGesture: store.beginGesture,
      endGesture: () => {
        const moved = dragging.current;
        store.endGesture();
        dragging.current = false;
        if (moved) onDragMoveRef.current?.(null, null);
        force((n) => n + 1);
      },
      undo,
      redo,
      canUndo: store.canUndo(),
      canRedo: store.canRedo(),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [annotations, value, controlled, store, apply, undo, redo, store.canUndo(), store.canRedo()],
  );
}
