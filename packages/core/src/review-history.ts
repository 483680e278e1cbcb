/**
 * Undo and redo for rejected suggestions. A rejection changes no annotation, so the store's history
 * has no step for it; this keeps the rejections in their own stacks, each tagged with the store's
 * history depths at the time, so that undo and redo interleave them with the store's own steps in the
 * order they happened: a rejection is undone when no store step was made after it, and redone when
 * the store stands where it stood when the rejection was undone. Every annotator that reviews
 * suggestions drives one beside its store: undo and redo ask it first, then fall back to the store.
 */

/** What a review history reads of the annotation store beside it (a core `AnnotationStore` fits). */
export interface ReviewedStore {
  /** The store's undo history: how many steps can be undone and redone now. */
  readonly history: { readonly undoDepth: number; readonly redoDepth: number };
  canUndo(): boolean;
  canRedo(): boolean;
}

/** The review's own undo and redo stacks of rejections, beside a store. */
export interface ReviewHistory {
  /** Records that `ids` were rejected (one step) with the store where it stands now; clears the review's redo. */
  rejected(ids: readonly string[]): void;
  /** The rejection to undo now, or null when the store's own step comes first; it moves to redo. */
  undo(): readonly string[] | null;
  /** The rejection to redo now, or null when the store's own step comes first; it moves back to undo. */
  redo(): readonly string[] | null;
  /** Whether undo has anything to do: a rejection, or the store's own step. */
  canUndo(): boolean;
  /** Whether redo has anything to do: a rejection, or the store's own step. */
  canRedo(): boolean;
}

/** Creates an empty {@link ReviewHistory} beside `store`. */
export function createReviewHistory(store: ReviewedStore): ReviewHistory {
  const done: Array<{ ids: readonly string[]; depth: number }> = [];
  const undone: Array<{ ids: readonly string[]; depth: number; redoDepth: number }> = [];
  const undoable = () => done.at(-1)?.depth === store.history.undoDepth;
  const redoable = () => {
    const top = undone.at(-1);
    return !!top && top.depth === store.history.undoDepth && top.redoDepth === store.history.redoDepth;
  };
  return {
    rejected(ids) {
      done.push({ ids: [...ids], depth: store.history.undoDepth });
      undone.length = 0;
    },
    undo() {
      if (!undoable()) return null;
      const step = done.pop()!;
      undone.push({ ...step, redoDepth: store.history.redoDepth });
      return step.ids;
    },
    redo() {
      if (!redoable()) return null;
      const step = undone.pop()!;
      done.push({ ids: step.ids, depth: step.depth });
      return step.ids;
    },
    canUndo: () => undoable() || store.canUndo(),
    canRedo: () => redoable() || store.canRedo(),
  };
}
