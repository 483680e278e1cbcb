/**
 * Undo and redo for rejected suggestions. A rejection changes no annotation, so the store's history
 * has no step for it; this keeps the rejections in their own stacks, each tagged with the store's
 * history depths at the time, so that undo and redo interleave them with the store's own steps in the
 * order they happened: a rejection is undone when no store step was made after it, and redone when
 * the store stands where it stood when the rejection was undone. Every annotator that reviews
 * suggestions drives one beside its store: undo and redo ask it first, then fall back to the store.
 */

/** The review's own undo and redo stacks of rejections. */
export interface ReviewHistory {
  /** Records that `ids` were rejected (one step) with the store at `depth` undo steps; clears the review's redo. */
  rejected(ids: readonly string[], depth: number): void;
  /** The rejection to undo now, or null when the store's own step comes first; it moves to redo. */
  undo(depth: number, redoDepth: number): readonly string[] | null;
  /** The rejection to redo now, or null when the store's own step comes first; it moves back to undo. */
  redo(depth: number, redoDepth: number): readonly string[] | null;
  /** Whether {@link undo} would return a rejection. */
  canUndo(depth: number): boolean;
  /** Whether {@link redo} would return a rejection. */
  canRedo(depth: number, redoDepth: number): boolean;
}

/** Creates an empty {@link ReviewHistory}. */
export function createReviewHistory(): ReviewHistory {
  const done: Array<{ ids: readonly string[]; depth: number }> = [];
  const undone: Array<{ ids: readonly string[]; depth: number; redoDepth: number }> = [];
  const undoable = (depth: number) => done.at(-1)?.depth === depth;
  const redoable = (depth: number, redoDepth: number) => {
    const top = undone.at(-1);
    return !!top && top.depth === depth && top.redoDepth === redoDepth;
  };
  return {
    rejected(ids, depth) {
      done.push({ ids: [...ids], depth });
      undone.length = 0;
    },
    undo(depth, redoDepth) {
      if (!undoable(depth)) return null;
      const step = done.pop()!;
      undone.push({ ...step, redoDepth });
      return step.ids;
    },
    redo(depth, redoDepth) {
      if (!redoable(depth, redoDepth)) return null;
      const step = undone.pop()!;
      done.push({ ids: step.ids, depth: step.depth });
      return step.ids;
    },
    canUndo: undoable,
    canRedo: redoable,
  };
}
